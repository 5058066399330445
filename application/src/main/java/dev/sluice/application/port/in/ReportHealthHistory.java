package dev.sluice.application.port.in;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.HealthChange;
import java.util.List;

/** Reads each endpoint's recent status changes for the provider pages. Lock-free; safe anywhere. */
public interface ReportHealthHistory {

    /** The endpoint's recent status changes, oldest first (bounded). */
    List<HealthChange> of(Endpoint endpoint);

    /** How many times its status has changed since start, including changes no longer in {@link #of}. */
    long changes(Endpoint endpoint);
}
