-- Run history, schema version 1. One file for SQLite and PostgreSQL: portable types only; the one
-- type that differs (binary) is the Flyway placeholder ${binary} (BLOB / BYTEA).
-- Times are nanoseconds since the epoch (UTC); JSON columns hold compact JSON text.

CREATE TABLE runs (
    id          VARCHAR(200) NOT NULL PRIMARY KEY,
    started_ns  BIGINT       NOT NULL,
    finished_ns BIGINT       NOT NULL,
    profile     VARCHAR(100) NOT NULL,
    seed        BIGINT       NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    platform    VARCHAR(100) NOT NULL,
    host        VARCHAR(64)  NOT NULL,  -- fingerprint of the machine: hash of OS, CPU, cores, memory
    jdk         VARCHAR(300) NOT NULL,  -- vendor and version of the measuring JVM
    git_sha     VARCHAR(64),
    git_branch  VARCHAR(255),
    git_dirty   BOOLEAN,
    run_json    TEXT         NOT NULL,  -- the run object of performance-report.json (tags, config)
    system_json TEXT         NOT NULL,  -- the system object of performance-report.json
    stored_ns   BIGINT       NOT NULL
);

CREATE INDEX runs_by_started ON runs (started_ns);
CREATE INDEX runs_by_platform_branch ON runs (platform, git_branch, started_ns);

CREATE TABLE run_tags (
    run_id    VARCHAR(200) NOT NULL REFERENCES runs (id),
    tag_key   VARCHAR(255) NOT NULL,
    tag_value TEXT         NOT NULL,
    PRIMARY KEY (run_id, tag_key)
);

CREATE INDEX run_tags_by_key ON run_tags (tag_key);

CREATE TABLE benchmarks (
    run_id      VARCHAR(200) NOT NULL REFERENCES runs (id),
    ord         INTEGER      NOT NULL,  -- position in the run
    bench_id    VARCHAR(500) NOT NULL,
    grp         VARCHAR(200) NOT NULL,
    op          VARCHAR(200) NOT NULL,
    backend     VARCHAR(200),
    dtype       VARCHAR(100),
    params_json TEXT         NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    error       TEXT,
    PRIMARY KEY (run_id, ord),
    UNIQUE (run_id, bench_id)
);

-- Summary statistics; platform and started_ns are copied from runs so that one benchmark's
-- history on one platform is one index range.
CREATE TABLE metrics (
    run_id     VARCHAR(200)     NOT NULL,
    bench_ord  INTEGER          NOT NULL,
    ord        INTEGER          NOT NULL,  -- position in the benchmark's metrics
    bench_id   VARCHAR(500)     NOT NULL,
    metric     VARCHAR(200)     NOT NULL,
    platform   VARCHAR(100)     NOT NULL,
    started_ns BIGINT           NOT NULL,
    unit       VARCHAR(100)     NOT NULL,
    better     VARCHAR(8)       NOT NULL,
    n          INTEGER          NOT NULL,
    mean       DOUBLE PRECISION NOT NULL,
    median     DOUBLE PRECISION NOT NULL,
    stddev     DOUBLE PRECISION NOT NULL,
    min_value  DOUBLE PRECISION NOT NULL,
    max_value  DOUBLE PRECISION NOT NULL,
    p50        DOUBLE PRECISION NOT NULL,
    p95        DOUBLE PRECISION NOT NULL,
    p99        DOUBLE PRECISION NOT NULL,
    ci_level   DOUBLE PRECISION NOT NULL,
    ci_low     DOUBLE PRECISION NOT NULL,
    ci_high    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, bench_ord, ord),
    FOREIGN KEY (run_id, bench_ord) REFERENCES benchmarks (run_id, ord)
);

-- The samples of one metric, in order, as n IEEE-754 doubles (8 bytes each, little-endian).
CREATE TABLE samples (
    run_id     VARCHAR(200) NOT NULL,
    bench_ord  INTEGER      NOT NULL,
    metric_ord INTEGER      NOT NULL,
    n          INTEGER      NOT NULL,
    data       ${binary}    NOT NULL,
    PRIMARY KEY (run_id, bench_ord, metric_ord),
    FOREIGN KEY (run_id, bench_ord, metric_ord) REFERENCES metrics (run_id, bench_ord, ord)
);
