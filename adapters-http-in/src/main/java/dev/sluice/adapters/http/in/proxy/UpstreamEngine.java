package dev.sluice.adapters.http.in.proxy;

import dev.sluice.domain.endpoint.Endpoint;
import java.util.concurrent.Executor;
import org.eclipse.jetty.client.HttpClient;

/**
 * How requests reach backends ({@code proxy.engine}): which HTTP client carries a request to an endpoint, and with
 * what pool and buffers. Started by the proxy servlet once Jetty has given it an executor; stopped with it.
 */
public interface UpstreamEngine {

    String name();

    /**
     * @param shared   the client Jetty's proxy servlet built (redirects off, no cookies, no content decoding)
     * @param executor the server's thread pool, which upstream I/O shares
     */
    void start(HttpClient shared, Executor executor) throws Exception;

    HttpClient clientFor(Endpoint endpoint);

    void stop();
}
