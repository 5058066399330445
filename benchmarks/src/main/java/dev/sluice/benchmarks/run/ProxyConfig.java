package dev.sluice.benchmarks.run;

/**
 * The proxy's config.yaml for a benchmark: one Ollama endpoint (the mock), the chosen engine, and nothing that a
 * production deployment would switch off for a fair comparison left on by accident: no per-request access log and
 * no rate limits (one client address sends everything, and Olla's default of 100 requests a minute per IP would
 * turn the run into a 429 test), and no concurrency limit on the endpoint (the Ollama profile's
 * {@code max_concurrent_requests: 10} would queue the c=16 and c=64 levels and make them a queue test).
 */
final class ProxyConfig {

    private ProxyConfig() {
    }

    static String yaml(int port, String engine, int mockPort) {
        return yaml(port, engine, mockPort, 0);
    }

    /** @param maxConcurrent the endpoint's {@code max_concurrent_requests}; 0 for none (the queue scenario sets it) */
    static String yaml(int port, String engine, int mockPort, int maxConcurrent) {
        return "server:\n"
                + "  host: \"127.0.0.1\"\n"
                + "  port: " + port + "\n"
                + "  request_logging: false\n"
                + "  rate_limits:\n"
                + "    global_requests_per_minute: 0\n"
                + "    per_ip_requests_per_minute: 0\n"
                + "proxy:\n"
                + "  engine: \"" + engine + "\"\n"
                + "  load_balancer: \"priority\"\n"
                + "discovery:\n"
                + "  type: \"static\"\n"
                + "  static:\n"
                + "    endpoints:\n"
                + "      - url: \"http://127.0.0.1:" + mockPort + "\"\n"
                + "        name: \"mock\"\n"
                + "        type: \"ollama\"\n"
                + "        priority: 100\n"
                + "        max_concurrent_requests: " + maxConcurrent + "\n"
                + "        check_interval: 5s\n"
                + "        check_timeout: 2s\n"
                + "logging:\n"
                + "  level: \"info\"\n"
                + "  format: \"text\"\n"
                + "  output: \"stdout\"\n";
    }
}
