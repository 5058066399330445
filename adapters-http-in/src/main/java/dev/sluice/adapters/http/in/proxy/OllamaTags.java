package dev.sluice.adapters.http.in.proxy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.application.port.in.ListModels;
import dev.sluice.application.port.in.ReportFleetStatus;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.EndpointSnapshot;
import dev.sluice.domain.model.ModelSource;
import dev.sluice.domain.model.ModelNamespace;
import dev.sluice.domain.model.UnifiedModel;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The front door's {@code /api/tags}: every model of every routable endpoint, local or hosted, in Ollama's list
 * shape, each under the name its endpoint uses (the name a client sends back to reach it). A model two endpoints
 * serve under one name is listed once. Hosted APIs report no size or digest: the size is 0 and the digest a
 * stable hash of the name, so clients that key on digests still tell models apart.
 */
final class OllamaTags {

    private final ListModels models;
    private final ReportFleetStatus fleet;
    private final JsonResponses json;

    OllamaTags(ListModels models, ReportFleetStatus fleet, JsonResponses json) {
        this.models = models;
        this.fleet = fleet;
        this.json = json;
    }

    /**
     * @param provider empty for every endpoint; else an endpoint type or profile prefix ({@code openai},
     *                 {@code anthropic}, {@code ollama}, {@code vllm}...) or an endpoint's name
     */
    void answer(Optional<String> provider, HttpServletResponse response) throws IOException {
        Predicate<Endpoint> wanted = provider.<Predicate<Endpoint>>map(p -> e -> e.profile().answersTo(p)
                || e.name().equalsIgnoreCase(p)).orElse(e -> true);
        Set<String> reachable = new HashSet<>();
        for (EndpointSnapshot snapshot : fleet.endpoints()) {
            if (snapshot.routable() && wanted.test(snapshot.endpoint())) {
                reachable.add(snapshot.endpoint().id());
            }
        }
        ObjectNode body = json.object();
        ArrayNode list = body.putArray("models");
        Set<String> listed = new HashSet<>();
        for (UnifiedModel model : models.catalog().models()) {
            for (ModelSource source : model.sources()) {
                if (reachable.contains(source.endpoint().id())
                        && listed.add(source.nativeName().toLowerCase(Locale.ROOT))) {
                    entry(list.addObject(), source.nativeName(), model, source);
                }
            }
        }
        // A name two providers serve is also listed as endpoint/model, one per endpoint, so either can be chosen.
        for (ModelNamespace.Listing listing : ModelNamespace.listings(models.catalog(), reachable)) {
            if (listed.add(listing.name().toLowerCase(Locale.ROOT))) {
                entry(list.addObject(), listing.name(), listing.model(), listing.source());
            }
        }
        json.write(response, 200, body);
    }

    private static void entry(ObjectNode node, String name, UnifiedModel model, ModelSource source) {
        node.put("name", name);
        node.put("model", name);
        node.put("modified_at", Formats.rfc3339(source.lastSeen()));
        node.put("size", source.diskSize() > 0 ? source.diskSize() : model.diskSize());
        node.put("digest", model.digest().isEmpty() ? sha256(name) : model.digest());
        ObjectNode details = node.putObject("details");
        details.put("parent_model", "");
        details.put("format", model.format());
        details.put("family", model.family());
        details.putArray("families").add(model.family());
        details.put("parameter_size", model.parameterSize());
        details.put("quantization_level", model.quantization());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
