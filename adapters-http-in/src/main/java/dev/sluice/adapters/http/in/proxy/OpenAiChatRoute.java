package dev.sluice.adapters.http.in.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.adapters.http.in.dialect.BackendDialects;
import dev.sluice.adapters.http.in.dialect.InvalidRequest;
import dev.sluice.adapters.http.in.dialect.OpenAiReplies;
import dev.sluice.adapters.http.in.dialect.OpenAiRequests;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.domain.routing.RouteScope;
import java.time.Clock;

/**
 * OpenAI chat completions in front of platforms that do not speak it. A chat request on a route that can reach
 * such a platform (a configured Anthropic endpoint, say) is parsed once, so that each attempt can be translated
 * if its endpoint needs it; every other request is relayed untouched and never parsed.
 */
final class OpenAiChatRoute {

    static final String CHAT_COMPLETIONS = "/v1/chat/completions";

    private final ReportFleetStatus fleet;
    private final BackendDialects backends;
    private final OpenAiRequests requests;
    private final OpenAiReplies replies;
    private final ObjectMapper json;
    private final Clock clock;

    OpenAiChatRoute(ReportFleetStatus fleet, BackendDialects backends, ObjectMapper json, Clock clock) {
        this.fleet = fleet;
        this.backends = backends;
        this.requests = new OpenAiRequests(json);
        this.replies = new OpenAiReplies(json);
        this.json = json;
        this.clock = clock;
    }

    /**
     * How this request is shaped per attempt.
     *
     * @throws InvalidRequest when a request that may need translating cannot be read
     */
    Conversion conversion(RouteScope scope, ProxyPath path, byte[] body, String requestId) throws InvalidRequest {
        if (!path.path().equals(CHAT_COMPLETIONS) || !mayTranslate(scope)) {
            return Conversion.RELAY;
        }
        return new OpenAiChatTranslation(requests.parse(body), backends, replies, json,
                requestId == null ? "" : requestId, clock.instant().getEpochSecond());
    }

    private boolean mayTranslate(RouteScope scope) {
        return fleet.endpoints().stream().map(s -> s.endpoint())
                .anyMatch(e -> scope.includes(e.profile()) && backends.translatesOpenAiChat(e));
    }
}
