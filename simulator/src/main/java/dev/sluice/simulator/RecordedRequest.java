package dev.sluice.simulator;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One request as the backend saw it, kept so tests can assert what the proxy sent upstream (auth headers,
 * user agents, paths after prefix stripping).
 *
 * @param method  HTTP method
 * @param path    path without the query string
 * @param headers header values by lower-cased name, in arrival order
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers) {

    public RecordedRequest {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        // Deep copy with lower-cased names so lookups never depend on how the caller spelled them.
        headers = requireNonNull(headers, "headers").entrySet().stream().collect(Collectors.toUnmodifiableMap(
                entry -> entry.getKey().toLowerCase(Locale.ROOT), entry -> List.copyOf(entry.getValue()),
                RecordedRequest::concat));
    }

    /** The first value of a header; the name is matched case-insensitively, as HTTP does. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).collect(Collectors.toUnmodifiableList());
    }
}
