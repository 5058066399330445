package dev.sluice.adapters.http.in.proxy;

/**
 * The error format a client on a route understands: Ollama clients read {@code {"error":"..."}}, everyone else the
 * OpenAI envelope.
 */
enum Dialect {
    OPENAI,
    OLLAMA;

    static Dialect of(String path) {
        return path.startsWith("/api/") ? OLLAMA : OPENAI;
    }
}
