/**
 * Run history: every stored run with its benchmarks, metrics and samples, in SQLite (embedded
 * default, {@code .bitbench/history.db}) or PostgreSQL (by JDBC URL), behind one API, {@link
 * dev.bitbench.store.RunStore}. The schema is created and upgraded by Flyway migrations.
 */
package dev.bitbench.store;
