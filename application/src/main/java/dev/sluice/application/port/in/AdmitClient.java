package dev.sluice.application.port.in;

import dev.sluice.domain.limits.RateDecision;

/**
 * Rate limits a client before its request does any work. Lock-free; safe on every request thread.
 */
public interface AdmitClient {

    /** An inference or model-list request from {@code clientIp}. */
    RateDecision admit(String clientIp);

    /** A health-check request from {@code clientIp} ({@code health_requests_per_minute}). */
    RateDecision admitHealthCheck(String clientIp);

    /** Requests refused so far. */
    long refusals();

    /** Distinct clients refused since their buckets were last cleaned up. */
    int refusedClients();
}
