package dev.sluice.application.proxy;

import dev.sluice.domain.profile.Profile;
import dev.sluice.domain.routing.RouteScope;
import dev.sluice.domain.profile.ProfileCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code /olla/<prefix>/} the loaded profiles define, plus {@code proxy}. Built once at startup.
 */
public final class RouteTable {

    public static final String UNIVERSAL = "proxy";
    private static final String CHAT_COMPLETIONS = "/v1/chat/completions";
    private static final List<String> OPENAI_PREFIXES = List.of("openai", "openai-compatible");

    private final Map<String, RouteScope> byPrefix;

    public RouteTable(ProfileCatalog catalog) {
        Map<String, RouteScope> scopes = new LinkedHashMap<>();
        List<Profile> all = catalog.all();
        // A platform reached by translation (the hosted Anthropic API) declares the chat path and joins them too.
        List<Profile> openaiCompatible = all.stream().filter(p -> p.openaiCompatible()
                || p.paths().contains(CHAT_COMPLETIONS)).toList();
        for (Profile profile : all) {
            for (String prefix : profile.prefixes()) {
                String key = prefix.toLowerCase(Locale.ROOT);
                // The OpenAI prefixes span every OpenAI-compatible platform, not just the generic profile.
                List<Profile> spanned = OPENAI_PREFIXES.contains(key) ? openaiCompatible : List.of(profile);
                scopes.putIfAbsent(key, new RouteScope(key, spanned, false));
            }
        }
        for (String prefix : OPENAI_PREFIXES) {
            scopes.putIfAbsent(prefix, new RouteScope(prefix, openaiCompatible, false));
        }
        scopes.put(UNIVERSAL, new RouteScope(UNIVERSAL, all, true));
        this.byPrefix = Map.copyOf(scopes);
    }

    public Optional<RouteScope> scope(String prefix) {
        return Optional.ofNullable(byPrefix.get(prefix.toLowerCase(Locale.ROOT)));
    }

    public List<RouteScope> scopes() {
        return byPrefix.values().stream().sorted((a, b) -> a.prefix().compareTo(b.prefix())).toList();
    }
}
