package dev.sluice.application.observe;

import dev.sluice.application.port.in.RecordRequest;
import dev.sluice.application.port.in.ReportViolations;
import dev.sluice.application.port.out.RequestMetrics;
import dev.sluice.domain.metrics.CompletedRequest;
import dev.sluice.domain.metrics.TokenUsage;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Every finished request: counted in the metrics and, when {@code server.request_logging} is on, written as one
 * log line with its figures as key-value pairs (fields in JSON, {@code key=value} in text). Proxied requests log
 * at info; refusals before routing (unknown routes, oversized bodies) at info too, as Olla's "rejected" line.
 */
public final class RequestJournal implements RecordRequest, ReportViolations {

    static final String LOGGER = "dev.sluice.request";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final RequestMetrics metrics;
    private final boolean logRequests;
    private final LongAdder sizeViolations = new LongAdder();

    public RequestJournal(RequestMetrics metrics, boolean logRequests) {
        this.metrics = metrics;
        this.logRequests = logRequests;
    }

    @Override
    public void completed(CompletedRequest request) {
        if (request.status() == 413) {
            sizeViolations.increment();
        }
        metrics.record(request);
        if (logRequests && LOG.isInfoEnabled()) {
            log(request);
        }
    }

    @Override
    public boolean wantsTokens() {
        return logRequests || metrics != RequestMetrics.NONE;
    }

    @Override
    public long sizeLimitViolations() {
        return sizeViolations.sum();
    }

    private static void log(CompletedRequest r) {
        LoggingEventBuilder line = LOG.atInfo()
                .addKeyValue("request_id", r.requestId())
                .addKeyValue("client_ip", r.clientIp())
                .addKeyValue("method", r.method())
                .addKeyValue("path", r.path())
                .addKeyValue("route", r.route())
                .addKeyValue("model", r.model().orElse(""))
                .addKeyValue("endpoint", r.endpoint().map(e -> e.name()).orElse(""))
                .addKeyValue("status", r.status())
                .addKeyValue("bytes", r.bytes())
                .addKeyValue("ttfb_ms", r.timeToFirstByte().map(d -> d.toMillis()).orElse(-1L))
                .addKeyValue("total_ms", r.total().toMillis())
                .addKeyValue("attempts", r.attempts());
        TokenUsage tokens = r.tokens();
        tokens.inputTokens().ifPresent(n -> line.addKeyValue("input_tokens", n));
        tokens.outputTokens().ifPresent(n -> line.addKeyValue("output_tokens", n));
        tokens.tokensPerSecond().ifPresent(v -> line.addKeyValue("tokens_per_second", Math.round(v * 10) / 10.0));
        tokens.timeToFirstTokenMillis().ifPresent(v -> line.addKeyValue("backend_ttft_ms", Math.round(v * 10) / 10.0));
        r.routing().ifPresent(d -> line.addKeyValue("routing_strategy", d.strategy())
                .addKeyValue("routing_decision", d.outcome())
                .addKeyValue("routing_reason", d.reason()));
        if (!r.success() && r.endpoint().isPresent()) {
            line.addKeyValue("failure", r.failure().name().toLowerCase(java.util.Locale.ROOT));
        }
        r.traceparent().ifPresent(t -> line.addKeyValue("traceparent", t));
        line.log(r.endpoint().isEmpty() ? "request rejected" : r.success() ? "request completed" : "request failed");
    }
}
