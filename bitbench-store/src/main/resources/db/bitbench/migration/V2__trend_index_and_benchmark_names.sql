-- Schema version 2: fast trends. One benchmark's metric history on one platform becomes one range
-- of an index; the distinct benchmark ids are kept in their own table so that a glob is matched
-- against the names, not against every stored metric.

CREATE INDEX metrics_history ON metrics (bench_id, metric, platform, started_ns);

CREATE TABLE benchmark_names (
    bench_id VARCHAR(500) NOT NULL PRIMARY KEY
);

INSERT INTO benchmark_names (bench_id) SELECT DISTINCT bench_id FROM benchmarks;
