package dev.sluice.domain.balancing;

/** How well one endpoint's copy of a model suits a request, best first (the order ranks candidates). */
public enum Fit {
    /** Its facts say it has everything the request needs. */
    CAPABLE,
    /** Nothing says it cannot, but not everything says it can: tried after the capable ones. */
    UNKNOWN,
    /** Its facts say it lacks something the request needs: skipped. */
    UNFIT
}
