package dev.sluice.adapters.http.in.proxy;

/**
 * The error format a client on a route understands: Ollama clients read {@code {"error":"..."}}, Anthropic clients
 * (under {@code /olla/anthropic/}) Anthropic's envelope, everyone else the OpenAI envelope.
 */
enum Dialect {
    OPENAI,
    OLLAMA,
    ANTHROPIC;

    /** The dialect of a whole route: Anthropic's under {@code /olla/anthropic/}, else as the path says. */
    static Dialect of(ProxyPath path) {
        return path.prefix().equals(AnthropicRoute.PREFIX) ? ANTHROPIC : of(path.path());
    }

    static Dialect of(String path) {
        return path.startsWith("/api/") ? OLLAMA : OPENAI;
    }
}
