package dev.sluice.soak;

import dev.sluice.simulator.SimulatedBackend;
import java.util.List;

/** The proxy's config.yaml for a soak: loopback only, fast health checks, no rate limits in the way. */
final class ProxyConfig {

    private ProxyConfig() {
    }

    static String yaml(int port, String balancer, List<SimulatedBackend> backends) {
        StringBuilder yaml = new StringBuilder()
                .append("server:\n")
                .append("  host: \"127.0.0.1\"\n")
                .append("  port: ").append(port).append('\n')
                .append("  request_logging: false\n")
                // One client address sends everything: a per-IP limit would turn the soak into a 429 test.
                .append("  rate_limits:\n")
                .append("    per_ip_requests_per_minute: 0\n")
                .append("proxy:\n")
                .append("  load_balancer: \"").append(balancer).append("\"\n")
                .append("discovery:\n")
                .append("  type: \"static\"\n")
                .append("  static:\n")
                .append("    endpoints:\n");
        for (SimulatedBackend backend : backends) {
            yaml.append("      - url: \"").append(backend.baseUri()).append("\"\n")
                    .append("        name: \"").append(backend.name()).append("\"\n")
                    .append("        type: \"ollama\"\n")
                    .append("        priority: 100\n")
                    .append("        check_interval: 1s\n")
                    .append("        check_timeout: 500ms\n");
        }
        return yaml.append("logging:\n")
                .append("  level: \"info\"\n")
                .append("  format: \"text\"\n")
                .append("  output: \"stdout\"\n")
                // The proxy's own view of its memory and threads, logged at shutdown, next to ours from outside.
                .append("engineering:\n")
                .append("  show_nerdstats: true\n")
                .toString();
    }
}
