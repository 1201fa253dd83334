package dev.bitbench.core.ab;

/** Which version a trial runs: the baseline ({@code A}) or the candidate ({@code B}). */
public enum Arm {
    /** The reference version, {@code A}. */
    BASELINE("A"),
    /** The version under test, {@code B}. */
    CANDIDATE("B");

    private final String label;

    Arm(String label) {
        this.label = label;
    }

    /** {@code A} or {@code B}, as written in JSON and progress lines. */
    public String label() {
        return label;
    }

    /** The other arm. */
    public Arm other() {
        return this == BASELINE ? CANDIDATE : BASELINE;
    }
}
