package dev.sluice.adapters.config;

import dev.sluice.adapters.config.problem.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import dev.sluice.domain.endpoint.UrlPaths;

/** Parsing endpoint base URLs and joining relative health and model paths onto them. */
final class EndpointUrls {

    private EndpointUrls() {
    }

    static URI parseBase(String text, String key) {
        if (text == null || text.isBlank()) {
            throw new ConfigException("'" + key + "' is missing: every endpoint needs a url such as http://localhost:11434");
        }
        URI url;
        try {
            url = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException("'" + key + "' is not a valid URL: " + e.getMessage());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new ConfigException("'" + key + "' must be an absolute http:// or https:// URL with a host, got '"
                    + text + "'");
        }
        return url;
    }

    /**
     * A path relative to the endpoint is appended to the base URL's own path ({@code http://h/engines} + {@code /health}
     * is {@code http://h/engines/health}), writing a shared version prefix once ({@code https://api.groq.com/openai/v1}
     * + {@code /v1/models} is {@code .../openai/v1/models}, see {@link UrlPaths}); an absolute URL is used as written.
     */
    static URI join(URI base, String pathOrUrl) {
        String p = pathOrUrl.trim();
        if (p.startsWith("http://") || p.startsWith("https://")) {
            return URI.create(p);
        }
        String rel = p.startsWith("/") ? p : "/" + p;
        String query = null;
        int q = rel.indexOf('?');
        if (q >= 0) {
            query = rel.substring(q + 1);
            rel = rel.substring(0, q);
        }
        try {
            return new URI(base.getScheme(), null, base.getHost(), base.getPort(),
                    UrlPaths.join(base.getRawPath(), rel), query, null);
        } catch (URISyntaxException e) {
            throw new ConfigException("cannot join '" + pathOrUrl + "' onto " + base + ": " + e.getMessage());
        }
    }
}
