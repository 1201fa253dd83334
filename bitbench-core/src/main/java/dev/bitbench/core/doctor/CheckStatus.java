package dev.bitbench.core.doctor;

/** The outcome of one diagnostic check, from best to worst. */
public enum CheckStatus {
    /** The environment is fit for measuring. */
    OK,
    /** Measuring works, but results may be noisier or some feature is missing; the hint says what to do. */
    WARN,
    /** Something BitBench needs is broken or missing; {@code doctor} exits 1. */
    FAIL
}
