package dev.sluice.adapters.http.in.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.models.ModelListView;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.model.ModelNamespace;
import dev.sluice.domain.model.UnifiedModel;
import dev.sluice.domain.profile.Profile;
import dev.sluice.domain.routing.RouteScope;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Model-list calls answered from the catalogue instead of one backend: a client asking {@code /olla/ollama/api/tags}
 * sees every model of every healthy Ollama, not whichever one the balancer picked.
 */
final class NativeModelLists {

    private final ListModels models;
    private final ReportFleetStatus fleet;
    private final ModelListView view;
    private final JsonResponses json;
    private final Clock clock;

    NativeModelLists(ListModels models, ReportFleetStatus fleet, ModelListView view, JsonResponses json, Clock clock) {
        this.models = models;
        this.fleet = fleet;
        this.view = view;
        this.json = json;
        this.clock = clock;
    }

    /** The format this GET asks for on this route, if it is a model list we answer ourselves. */
    static Optional<String> formatFor(RouteScope scope, String path) {
        boolean ollama = isOnly(scope, "ollama");
        boolean lmStudio = isOnly(scope, "lm-studio");
        if (path.equals("/api/tags") && ollama) {
            return Optional.of("ollama");
        }
        if (path.equals("/api/v0/models") && lmStudio) {
            return Optional.of("lmstudio");
        }
        if (path.equals("/v1/models") || path.equals("/api/v1/models") && lmStudio) {
            return Optional.of("openai");
        }
        boolean nativeDiscovery = !scope.universal()
                && scope.profiles().stream().map(Profile::modelDiscoveryPath).anyMatch(path::equals);
        return nativeDiscovery ? Optional.of("openai") : Optional.empty();
    }

    /** Whether the route is one platform's own (so its native list formats apply), not a multi-platform one. */
    static boolean isOnly(RouteScope scope, String profile) {
        return !scope.universal() && scope.profiles().size() == 1 && scope.profiles().get(0).name().equals(profile);
    }

    void answer(RouteScope scope, String format, HttpServletResponse response) throws IOException {
        Set<String> reachable = fleet.endpoints().stream()
                .filter(EndpointSnapshot::routable)
                .filter(s -> scope.includes(s.endpoint().profile()))
                .filter(s -> !scope.universal() || s.endpoint().profile().openaiCompatible())
                .map(s -> s.endpoint().id())
                .collect(Collectors.toSet());
        List<UnifiedModel> served = models.catalog().models().stream()
                .filter(m -> m.sources().stream().anyMatch(s -> reachable.contains(s.endpoint().id())))
                .toList();
        ObjectNode body = view.render(format, served, clock.instant());
        if (format.equals("openai")) {
            view.addNamespaced(body, ModelNamespace.listings(models.catalog(), reachable), clock.instant());
        }
        json.write(response, 200, body);
    }
}
