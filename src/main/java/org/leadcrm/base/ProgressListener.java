package org.leadcrm.base;

/** Told of each phase of a long operation as it starts, to show progress. */
@FunctionalInterface
public interface ProgressListener {

    /** For an operation the user waits for on the spot: nobody watches, and it should not wait long. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void phase(String phase, int step, int steps) {
        }

        @Override
        public boolean inBackground() {
            return false;
        }
    };

    /**
     * @param phase what is being done now, for the user
     * @param step  the number of this phase, from 1
     * @param steps the number of phases in all
     */
    void phase(String phase, int step, int steps);

    /** Says why the operation is not moving on yet, e.g. that it waits for another one to finish. */
    default void waiting(String reason) {
    }

    /**
     * Whether the operation runs in the background with its progress shown, so that it may wait
     * for other bulk work as long as that takes; one the user waits for on the spot waits briefly.
     */
    default boolean inBackground() {
        return true;
    }
}
