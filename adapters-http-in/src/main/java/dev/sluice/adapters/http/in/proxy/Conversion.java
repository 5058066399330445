package dev.sluice.adapters.http.in.proxy;

import dev.sluice.application.port.in.Attempt;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.ee10.proxy.AsyncMiddleManServlet.ContentTransformer;

/**
 * How one exchange's request and answer are shaped for the endpoint of each attempt. Most routes relay bytes as
 * they are ({@link #RELAY}); a translated route (Anthropic today, Ollama next) decides per attempt whether the
 * endpoint speaks the client's dialect or needs a translation. The servlet asks this at each hook and knows
 * nothing of dialects. Called from one request's hooks in sequence, never concurrently.
 */
interface Conversion {

    /** Bytes as the client sent them, answers as the backend sent them. */
    Conversion RELAY = new Conversion() {
    };

    /** Binds the conversion to the exchange it shapes; called once, when the exchange is built. */
    default void attach(ProxyExchange exchange) {
    }

    /** The path on the attempt's endpoint. */
    default String targetPath(ProxyExchange exchange, Attempt attempt) {
        return exchange.path.path();
    }

    /** The query string on the attempt's endpoint, if any. */
    default java.util.Optional<String> targetQuery(ProxyExchange exchange, Attempt attempt) {
        return exchange.path.query();
    }

    /** The body for the attempt's endpoint. */
    default byte[] body(ProxyExchange exchange, Attempt attempt) {
        return attempt.modelOverride().map(exchange.body::withModel).orElse(exchange.body.bytes());
    }

    /** Last changes to the upstream request's headers. */
    default void prepare(Request proxyRequest, Attempt attempt) {
    }

    /** Headers for the client once the endpoint's headers arrived. */
    default void served(HttpServletResponse proxyResponse, Attempt attempt, int status) {
    }

    /**
     * The transformer for the answer; {@code relay} is what an untranslated answer gets.
     *
     * @param contentType the backend's Content-Type, null when it sent none
     */
    default ContentTransformer transformer(Attempt attempt, int status, String contentType, ContentTransformer relay) {
        return relay;
    }

    /**
     * The transformer for the answer, for a conversion that reads more of the backend's headers than its
     * Content-Type (Bedrock names its error kind in {@code x-amzn-ErrorType}).
     *
     * @param header the backend's response header of a name, null when it sent none
     */
    default ContentTransformer transformer(Attempt attempt, int status, java.util.function.UnaryOperator<String> header,
                                           ContentTransformer relay) {
        return transformer(attempt, status, header.apply("Content-Type"), relay);
    }

    /**
     * The bytes that end a stream the back end broke after the client had its first bytes, so that the client learns
     * of the failure in its own dialect (Anthropic's {@code event: error}) instead of a cut connection; empty to
     * cut the connection as usual.
     */
    default java.util.Optional<byte[]> brokenStreamTail(Attempt attempt, String reason) {
        return java.util.Optional.empty();
    }

    /** An attempt ended, well or not; after failover the last call tells how the exchange went. */
    default void finished(boolean success) {
    }
}
