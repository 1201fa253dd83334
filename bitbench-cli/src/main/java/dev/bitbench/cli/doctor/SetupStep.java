package dev.bitbench.cli.doctor;

import java.util.Objects;

/**
 * One step of {@code bitbench setup}. {@link #inspect()} looks without changing anything (it is all
 * that {@code --dry-run} calls); {@link #apply()} does the work and may throw {@link
 * SetupStep.Failure}.
 */
interface SetupStep {

    /** Short name printed in front of the step's line, e.g. {@code store}. */
    String name();

    /** True for a step that only checks (it has nothing to create); prints {@code ok:} instead of {@code already:}. */
    default boolean checkOnly() {
        return false;
    }

    /** The current state; changes nothing. */
    State inspect();

    /**
     * Performs the step (also when already done, under {@code --force}).
     *
     * @return what was done, one line
     * @throws Failure with the reason and a fix hint
     */
    String apply();

    /** What a step found. */
    enum Kind {
        /** Already in place: nothing to do. */
        DONE,
        /** Work to do; the detail says what. */
        TODO,
        /** Not applicable here; the detail says why. */
        SKIPPED,
        /** Cannot go on; detail and hint say why and what to do. */
        FAILED
    }

    /**
     * @param kind the state
     * @param detail one line: what is in place, what would be done, or why it fails
     * @param hint what to do, for SKIPPED and FAILED; may be empty
     */
    record State(Kind kind, String detail, String hint) {
        public State {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
            hint = hint == null ? "" : hint;
        }

        static State done(String detail) {
            return new State(Kind.DONE, detail, "");
        }

        static State todo(String detail) {
            return new State(Kind.TODO, detail, "");
        }

        static State skipped(String detail, String hint) {
            return new State(Kind.SKIPPED, detail, hint);
        }

        static State failed(String detail, String hint) {
            return new State(Kind.FAILED, detail, hint);
        }
    }

    /** A step that could not be done: its reason and fix hint. */
    final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String hint;

        Failure(String reason, String hint) {
            super(reason);
            this.hint = hint;
        }

        String hint() {
            return hint;
        }
    }
}
