package dev.sluice.soak;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits failures into those a kill explains and regressions. A request that was streaming from a backend as it
 * died may fail: the status line has gone out and nothing can save it. Every other failure had another healthy
 * candidate (kills leave at least one backend up) and so is the proxy's fault. Pure: no clocks, no I/O.
 */
final class FailureClassifier {

    private FailureClassifier() {
    }

    /**
     * @param failures every failed request, in any order
     * @param kills    every kill of the run
     * @return the same failures, split; each list keeps the input order
     */
    static Classification classify(List<Failure> failures, List<KillWindow> kills) {
        List<Failure> excused = new ArrayList<>();
        List<Failure> regressions = new ArrayList<>();
        for (Failure failure : failures) {
            if (kills.stream().anyMatch(kill -> kill.explains(failure))) {
                excused.add(failure);
            } else {
                regressions.add(failure);
            }
        }
        return new Classification(excused, regressions);
    }
}
