package dev.sluice.domain.routing;

/** Why a request was refused before reaching any backend. */
public enum RejectionKind {
    /** No endpoint anywhere knows the model (404). */
    MODEL_NOT_FOUND,
    /** The model exists, but not on any endpoint this request may use right now (503). */
    MODEL_UNAVAILABLE,
    /** Every endpoint that serves the model is known to lack something the request needs (400). */
    UNFIT,
    /** No endpoint at all can take the request right now (503, or 404 on a provider route with none of its type). */
    NO_ENDPOINTS
}
