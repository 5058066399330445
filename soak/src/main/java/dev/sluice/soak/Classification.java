package dev.sluice.soak;

import java.util.List;

/**
 * The failures of a run, split by {@link FailureClassifier}.
 *
 * @param inFlightOnKilled failures of requests that were on a backend as it was killed: allowed
 * @param regressions      every other failure: the run fails if there is one
 */
record Classification(List<Failure> inFlightOnKilled, List<Failure> regressions) {

    Classification {
        inFlightOnKilled = List.copyOf(inFlightOnKilled);
        regressions = List.copyOf(regressions);
    }

    boolean clean() {
        return regressions.isEmpty();
    }
}
