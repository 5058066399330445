package dev.sluice.domain.routing;

import dev.sluice.domain.profile.Profile;
import java.util.List;
import java.util.Objects;

/**
 * Which backends a route may reach: {@code /olla/ollama/} only Ollama endpoints, {@code /olla/openai/} every
 * OpenAI-compatible platform, {@code /olla/proxy/} any platform whose paths fit.
 *
 * @param prefix    the route's prefix as the client spelt it ({@code lmstudio}, {@code proxy} ...)
 * @param profiles  the platforms the route spans
 * @param universal true for {@code /olla/proxy/}: the path, not the prefix, picks the platforms
 */
public record RouteScope(String prefix, List<Profile> profiles, boolean universal) {

    public RouteScope {
        Objects.requireNonNull(prefix, "prefix");
        profiles = List.copyOf(profiles);
    }

    public boolean includes(Profile profile) {
        return profiles.stream().anyMatch(p -> p.name().equals(profile.name()));
    }

    /** Whether any platform of this route serves {@code path} (a provider route forwards nothing else). */
    public boolean allows(String path) {
        return profiles.stream().anyMatch(p -> p.paths().contains(path));
    }

    /** Every path the route forwards, for the 404 that names them. */
    public List<String> allowedPaths() {
        return profiles.stream().flatMap(p -> p.paths().stream()).distinct().sorted().toList();
    }

    /** The platform a client means by the prefix, for messages: {@code ollama}, {@code openai-compatible}. */
    public String displayName() {
        return profiles.size() == 1 ? profiles.get(0).name() : prefix;
    }
}
