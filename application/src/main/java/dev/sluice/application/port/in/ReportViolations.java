package dev.sluice.application.port.in;

/** Security figures for status pages: requests refused for their size. Lock-free reads. */
public interface ReportViolations {

    /** Requests refused with 413 because their body exceeded {@code request_limits.max_body_size}. */
    long sizeLimitViolations();
}
