package org.leadcrm.base;

/** Told of each phase of a long operation as it starts, to show progress. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (phase, step, steps) -> { };

    /**
     * @param phase what is being done now, for the user
     * @param step  the number of this phase, from 1
     * @param steps the number of phases in all
     */
    void phase(String phase, int step, int steps);
}
