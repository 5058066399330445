package dev.sluice.domain.endpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Joins a request path onto an endpoint's base path without doubling an API version prefix. Hosted APIs are
 * configured by the base URL their SDKs use ({@code https://api.groq.com/openai/v1}), while clients and profiles
 * speak in full paths ({@code /v1/models}); a plain join gives {@code /openai/v1/v1/models}, Olla's bug (seed 000).
 *
 * <p>The rule: when the base path ends with the segments the request path starts with, and that overlap ends in a
 * version segment ({@code v1}, {@code v1beta}, {@code v2alpha1}), the overlap is written once. An overlap without a
 * version ({@code /api} + {@code /api/tags}) is left doubled: a server mounted under {@code /api} may really serve
 * {@code /api/api/tags}, and only a version segment says the two paths mean the same API.
 */
public final class UrlPaths {

    private static final Pattern VERSION = Pattern.compile("v\\d+(?:[a-z]+\\d*)?");

    private UrlPaths() {
    }

    /**
     * @param basePath    the endpoint URL's raw path, possibly empty or ending in '/'
     * @param requestPath a raw path starting with '/', without query
     * @return the joined raw path, starting with '/'
     */
    public static String join(String basePath, String requestPath) {
        String base = basePath == null ? "" : stripTrailingSlash(basePath);
        String rel = requestPath.startsWith("/") ? requestPath : "/" + requestPath;
        List<String> baseSegments = segments(base);
        List<String> relSegments = segments(rel);
        int overlap = overlap(baseSegments, relSegments);
        if (overlap == 0) {
            return base + rel;
        }
        StringBuilder rest = new StringBuilder();
        for (int i = overlap; i < relSegments.size(); i++) {
            rest.append('/').append(relSegments.get(i));
        }
        if (rel.endsWith("/") && relSegments.size() > overlap) {
            rest.append('/');
        }
        String joined = base + rest;
        return joined.isEmpty() ? "/" : joined;
    }

    // The longest k such that the base's last k segments are the request's first k and the k-th is a version.
    private static int overlap(List<String> base, List<String> rel) {
        int max = Math.min(base.size(), rel.size());
        for (int k = max; k >= 1; k--) {
            if (base.subList(base.size() - k, base.size()).equals(rel.subList(0, k))
                    && VERSION.matcher(rel.get(k - 1)).matches()) {
                return k;
            }
        }
        return 0;
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
