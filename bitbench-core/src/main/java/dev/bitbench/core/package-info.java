/**
 * Result schema, statistics, regression detection, baselines, configuration and system info.
 *
 * <p>The statistics and detection packages are pure: no I/O.
 */
package dev.bitbench.core;
