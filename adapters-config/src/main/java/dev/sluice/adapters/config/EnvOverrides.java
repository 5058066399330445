package dev.sluice.adapters.config;

import dev.sluice.adapters.config.problem.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.config.schema.ByteSizes;
import dev.sluice.adapters.config.schema.GoDurations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Olla's {@code OLLA_*} environment overrides, applied on top of the file. Each variable maps to one key; a value
 * that does not parse is a startup error naming the variable (Olla silently ignores it).
 */
final class EnvOverrides {

    private enum Kind { TEXT, INT, BOOL, DURATION, SIZE, LIST }

    private record Override(String path, Kind kind) {
    }

    private static final Map<String, Override> TABLE = new LinkedHashMap<>();

    static {
        add("OLLA_SERVER_HOST", "server.host", Kind.TEXT);
        add("OLLA_SERVER_PORT", "server.port", Kind.INT);
        add("OLLA_SERVER_READ_TIMEOUT", "server.read_timeout", Kind.DURATION);
        add("OLLA_SERVER_READ_HEADER_TIMEOUT", "server.read_header_timeout", Kind.DURATION);
        add("OLLA_SERVER_WRITE_TIMEOUT", "server.write_timeout", Kind.DURATION);
        add("OLLA_SERVER_IDLE_TIMEOUT", "server.idle_timeout", Kind.DURATION);
        add("OLLA_SERVER_SHUTDOWN_TIMEOUT", "server.shutdown_timeout", Kind.DURATION);
        add("OLLA_SERVER_MAX_BODY_SIZE", "server.request_limits.max_body_size", Kind.SIZE);
        add("OLLA_SERVER_MAX_HEADER_SIZE", "server.request_limits.max_header_size", Kind.SIZE);
        add("OLLA_SERVER_GLOBAL_RATE_LIMIT", "server.rate_limits.global_requests_per_minute", Kind.INT);
        add("OLLA_SERVER_PER_IP_RATE_LIMIT", "server.rate_limits.per_ip_requests_per_minute", Kind.INT);
        add("OLLA_SERVER_RATE_BURST_SIZE", "server.rate_limits.burst_size", Kind.INT);
        add("OLLA_SERVER_HEALTH_RATE_LIMIT", "server.rate_limits.health_requests_per_minute", Kind.INT);
        add("OLLA_SERVER_RATE_CLEANUP_INTERVAL", "server.rate_limits.cleanup_interval", Kind.DURATION);
        add("OLLA_SERVER_TRUST_PROXY_HEADERS", "server.rate_limits.trust_proxy_headers", Kind.BOOL);
        add("OLLA_SERVER_TRUSTED_PROXY_CIDRS", "server.rate_limits.trusted_proxy_cidrs", Kind.LIST);
        add("OLLA_SERVER_CORS_ENABLED", "server.cors.enabled", Kind.BOOL);
        add("OLLA_SERVER_OLLAMA_FRONT_DOOR_ENABLED", "server.ollama_front_door.enabled", Kind.BOOL);
        add("OLLA_SERVER_CORS_ALLOWED_ORIGINS", "server.cors.allowed_origins", Kind.LIST);
        add("OLLA_SERVER_CORS_ALLOWED_METHODS", "server.cors.allowed_methods", Kind.LIST);
        add("OLLA_SERVER_CORS_ALLOWED_HEADERS", "server.cors.allowed_headers", Kind.LIST);
        add("OLLA_SERVER_CORS_EXPOSED_HEADERS", "server.cors.exposed_headers", Kind.LIST);
        add("OLLA_SERVER_CORS_ALLOW_CREDENTIALS", "server.cors.allow_credentials", Kind.BOOL);
        add("OLLA_SERVER_CORS_MAX_AGE", "server.cors.max_age", Kind.INT);
        add("OLLA_PROXY_ENGINE", "proxy.engine", Kind.TEXT);
        add("OLLA_PROXY_PROFILE", "proxy.profile", Kind.TEXT);
        add("OLLA_PROXY_LOAD_BALANCER", "proxy.load_balancer", Kind.TEXT);
        add("OLLA_PROXY_RESPONSE_TIMEOUT", "proxy.response_timeout", Kind.DURATION);
        add("OLLA_PROXY_READ_TIMEOUT", "proxy.read_timeout", Kind.DURATION);
        add("OLLA_PROXY_QUEUE_MAX_SIZE", "proxy.queue.max_size", Kind.INT);
        add("OLLA_PROXY_QUEUE_TIMEOUT", "proxy.queue.timeout", Kind.DURATION);
        add("OLLA_PROXY_QUEUE_PRIORITIZATION", "proxy.queue.prioritization", Kind.BOOL);
        add("OLLA_PROXY_FALLBACK_STRATEGY", "proxy.fallback.strategy", Kind.TEXT);
        add("OLLA_PROXY_ROUTING_TIE_BREAKER", "proxy.routing.tie_breaker", Kind.TEXT);
        add("OLLA_PROXY_ROUTING_WHEN_NONE_FIT", "proxy.routing.when_none_fit", Kind.TEXT);
        add("OLLA_PROXY_RESPONSE_HEADER_TIMEOUT", "proxy.response_header_timeout", Kind.DURATION);
        add("OLLA_PROXY_TLS_HANDSHAKE_TIMEOUT", "proxy.tls_handshake_timeout", Kind.DURATION);
        add("OLLA_PROXY_CONNECTION_KEEP_ALIVE", "proxy.connection_keep_alive", Kind.DURATION);
        add("OLLA_PROXY_STICKY_SESSIONS_ENABLED", "proxy.sticky_sessions.enabled", Kind.BOOL);
        add("OLLA_LOGGING_LEVEL", "logging.level", Kind.TEXT);
        add("OLLA_LOG_LEVEL", "logging.level", Kind.TEXT);
        add("OLLA_LOGGING_FORMAT", "logging.format", Kind.TEXT);
        add("OLLA_SHOW_NERD_STATS", "engineering.show_nerdstats", Kind.BOOL);
        add("OLLA_MODEL_REGISTRY_TYPE", "model_registry.type", Kind.TEXT);
        add("OLLA_MODEL_UNIFIER_ENABLED", "model_registry.enable_unifier", Kind.BOOL);
        add("OLLA_TRANSLATORS_ANTHROPIC_ENABLED", "translators.anthropic.enabled", Kind.BOOL);
        add("OLLA_TRANSLATORS_ANTHROPIC_PASSTHROUGH_ENABLED", "translators.anthropic.passthrough_enabled", Kind.BOOL);
        add("OLLA_TRANSLATORS_ANTHROPIC_MAX_MESSAGE_SIZE", "translators.anthropic.max_message_size", Kind.SIZE);
    }

    private static void add(String variable, String path, Kind kind) {
        TABLE.put(variable, new Override(path, kind));
    }

    private EnvOverrides() {
    }

    /** The variables we read, for the help text. */
    static List<String> variables() {
        return new ArrayList<>(TABLE.keySet());
    }

    /**
     * Writes every set variable into the config tree.
     *
     * @return the variables that were applied, for the startup log
     */
    static List<String> apply(ObjectNode root, Map<String, String> env) {
        List<String> applied = new ArrayList<>();
        TABLE.forEach((variable, override) -> {
            String value = env.get(variable);
            if (value == null || value.isBlank()) {
                return;
            }
            set(root, override.path(), toNode(variable, value.trim(), override.kind()));
            applied.add(variable);
        });
        return applied;
    }

    private static JsonNode toNode(String variable, String value, Kind kind) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        try {
            switch (kind) {
                case INT:
                    return f.numberNode(Integer.parseInt(value));
                case BOOL:
                    String b = value.toLowerCase(Locale.ROOT);
                    if (!b.equals("true") && !b.equals("false") && !b.equals("1") && !b.equals("0")) {
                        throw new IllegalArgumentException("expected true or false");
                    }
                    return f.booleanNode(b.equals("true") || b.equals("1"));
                case DURATION:
                    GoDurations.parse(value);
                    return f.textNode(value);
                case SIZE:
                    return f.numberNode(ByteSizes.parse(value));
                case LIST:
                    ArrayNode list = f.arrayNode();
                    for (String item : value.split(",")) {
                        if (!item.isBlank()) {
                            list.add(item.trim());
                        }
                    }
                    return list;
                default:
                    return f.textNode(value);
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("environment variable " + variable + "='" + value + "' is not valid: "
                    + e.getMessage());
        }
    }

    private static void set(ObjectNode root, String dottedPath, JsonNode value) {
        String[] keys = dottedPath.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = node.get(keys[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(keys[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(keys[keys.length - 1], value);
    }
}
