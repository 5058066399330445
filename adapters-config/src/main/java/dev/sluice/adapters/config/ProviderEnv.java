package dev.sluice.adapters.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.adapters.config.problem.ConfigException;
import dev.sluice.adapters.config.schema.GoDurations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seed 004's environment variables (from the process or a {@code .env} file) written into the config tree before
 * the {@code OLLA_*} overrides: {@code {OPENROUTER,OPENAI,ANTHROPIC,GOOGLE,AZURE,AWS_BEDROCK,OLLAMA}_*} become
 * endpoints (beside config.yaml's, which win on a name clash), the rest become proxy settings. Secrets go into the
 * tree as {@code ${VAR}} references, resolved like any endpoint secret, so they never sit in the config.
 */
final class ProviderEnv {

    /** A provider family of seed 004 and the endpoint it becomes. */
    private record Provider(String prefix, String name, String type, String defaultUrl, String authField) {
    }

    private static final List<Provider> PROVIDERS = List.of(
            new Provider("OPENROUTER", "openrouter", "openrouter", "https://openrouter.ai/api/v1", "token"),
            new Provider("OPENAI", "openai", "openai-api", "https://api.openai.com/v1", "token"),
            new Provider("ANTHROPIC", "anthropic", "anthropic", "https://api.anthropic.com", "key"),
            new Provider("GOOGLE", "google", "gemini", "https://generativelanguage.googleapis.com", "key"),
            new Provider("AZURE", "azure", "azure-openai", null, "key"),
            new Provider("AWS_BEDROCK", "aws-bedrock", "bedrock", null, null),
            new Provider("OLLAMA", "ollama", "ollama", "http://localhost:11434", "token"));
    private static final List<String> SUFFIXES = List.of("ENABLED", "API_KEY", "BASE_URL", "TIMEOUT", "PRIORITY",
            "MAX_CONCURRENT_REQUESTS");
    private static final List<String> BEDROCK_SUFFIXES = List.of("ACCESS_KEY", "SECRET_KEY", "REGION");
    /** Read from the .env file only: a shell's HOST is its machine name, a platform's PORT is not ours to take. */
    static final Set<String> FILE_ONLY = Set.of("HOST", "PORT", "LOG_LEVEL");
    private static final List<String> GLOBALS = List.of("HOST", "PORT", "LOG_LEVEL", "ROUTING_STRATEGY",
            "FALLBACK_STRATEGY", "ENABLE_LOAD_BALANCING", "HEALTH_CHECK_INTERVAL", "MAX_QUEUE_SIZE",
            "MAX_CONCURRENT_REQUESTS", "ENABLE_PRIORITIZATION", "ENVIRONMENT");
    private static final List<String> GLOBAL_PREFIXES = List.of("ROUTING_", "FALLBACK_", "ENABLE_", "HEALTH_CHECK_",
            "MAX_QUEUE", "MAX_CONCURRENT");

    private ProviderEnv() {
    }

    /** What was applied and what looked wrong. */
    record Result(List<String> applied, List<String> notes) {
    }

    /**
     * @param env     the process environment merged with the .env file
     * @param dotEnv  the .env file alone (for the {@link #FILE_ONLY} variables)
     */
    static Result apply(ObjectNode tree, Map<String, String> env, Map<String, String> dotEnv) {
        List<String> applied = new ArrayList<>();
        List<String> notes = new ArrayList<>(misspellings(env));
        FILE_ONLY.forEach(name -> {
            String value = dotEnv.get(name);
            if (value != null && !value.isBlank()) {
                String path = name.equals("HOST") ? "server.host" : name.equals("PORT") ? "server.port" : "logging.level";
                set(tree, path, name.equals("PORT") ? tree.numberNode(integer(name, value)) : tree.textNode(value));
                applied.add(name);
            }
        });
        String strategy = value(env, "ROUTING_STRATEGY");
        java.util.Optional<String> chosen = java.util.Optional.empty();
        if (strategy != null) {
            chosen = balancer(strategy);
            applied.add("ROUTING_STRATEGY");
        } else if (definesProviders(dotEnv) && !tree.path("proxy").has("load_balancer")) {
            // Seed 004's default, for a .env written for it; a shell that merely exports OPENAI_API_KEY keeps ours.
            chosen = java.util.Optional.of("capability-based");
            notes.add("ROUTING_STRATEGY is not set: using seed 004's default, capability_based "
                    + "(proxy.load_balancer: capability-based)");
        }
        chosen.ifPresent(b -> set(tree, "proxy.load_balancer", tree.textNode(b)));
        boolean preferring = chosen.filter(b -> b.equals("model-based") || b.equals("capability-based")).isPresent();
        String balancing = value(env, "ENABLE_LOAD_BALANCING");
        if (balancing != null) {
            boolean spread = bool("ENABLE_LOAD_BALANCING", balancing);
            if (preferring) {
                // Among the endpoints the strategy prefers: spread the load, or always the highest priority.
                set(tree, "proxy.routing.tie_breaker", tree.textNode(spread ? "least-connections" : "priority"));
            } else if (!spread) {
                // No balancing: every request goes to the preferred (highest-priority) provider that can take it.
                set(tree, "proxy.load_balancer", tree.textNode("priority"));
            }
            applied.add("ENABLE_LOAD_BALANCING");
        }
        copy(env, "FALLBACK_STRATEGY", tree, "proxy.fallback.strategy", false, applied);
        copy(env, "MAX_QUEUE_SIZE", tree, "proxy.queue.max_size", true, applied);
        String prioritization = value(env, "ENABLE_PRIORITIZATION");
        if (prioritization != null) {
            set(tree, "proxy.queue.prioritization", tree.booleanNode(bool("ENABLE_PRIORITIZATION", prioritization)));
            applied.add("ENABLE_PRIORITIZATION");
        }
        endpoints(tree, env, applied, notes);
        return new Result(applied, notes);
    }

    private static void endpoints(ObjectNode tree, Map<String, String> env, List<String> applied, List<String> notes) {
        ArrayNode list = null;
        long longestTimeout = 0;
        for (Provider p : PROVIDERS) {
            if (!enabled(p, env)) {
                continue;
            }
            if (list == null) {
                list = endpointList(tree);
            }
            if (named(list, p.name())) {
                notes.add("config.yaml already has an endpoint named '" + p.name() + "': the " + p.prefix()
                        + "_* variables are not used for it");
                continue;
            }
            list.add(endpoint(tree, p, env));
            applied.add(p.prefix() + "_*");
            String timeout = value(env, p.prefix() + "_TIMEOUT");
            if (timeout != null) {
                longestTimeout = Math.max(longestTimeout, integer(p.prefix() + "_TIMEOUT", timeout));
            }
        }
        if (longestTimeout > 0) {
            // One whole-request limit for all: the longest any provider was given.
            set(tree, "proxy.response_timeout", tree.textNode(longestTimeout + "s"));
        }
    }

    private static ObjectNode endpoint(ObjectNode tree, Provider p, Map<String, String> env) {
        ObjectNode e = tree.objectNode();
        String url = value(env, p.prefix() + "_BASE_URL");
        if (p.prefix().equals("AWS_BEDROCK")) {
            String region = value(env, "AWS_BEDROCK_REGION");
            region = region == null ? "us-east-1" : region;
            url = url == null ? "https://bedrock." + region + ".amazonaws.com" : url;
            ObjectNode provider = e.putObject("provider");
            provider.put("region", region);
            provider.put("access_key_id", "${AWS_BEDROCK_ACCESS_KEY}");
            provider.put("secret_access_key", "${AWS_BEDROCK_SECRET_KEY}");
        }
        if (url == null) {
            url = p.defaultUrl();
        }
        if (url == null) {
            throw new ConfigException(p.prefix() + "_ENABLED: " + p.prefix() + "_BASE_URL is required (e.g. "
                    + "https://your-resource.openai.azure.com)");
        }
        if (p.type().equals("gemini")) {
            // Seed 004 writes the API version into the base URL; our gemini profile adds it to each path.
            url = url.replaceAll("/v1(beta)?/?$", "");
        }
        e.put("url", url);
        e.put("name", p.name());
        e.put("type", p.type());
        String priority = value(env, p.prefix() + "_PRIORITY");
        if (priority != null) {
            // Seed 004 tries priority 1 first; ours prefers the higher number.
            e.put("priority", Math.max(0, 100 - integer(p.prefix() + "_PRIORITY", priority)));
        }
        String interval = value(env, "HEALTH_CHECK_INTERVAL");
        if (interval != null) {
            String written = interval.chars().allMatch(Character::isDigit) ? interval + "s" : interval;
            java.time.Duration every;
            try {
                every = GoDurations.parse(written);
            } catch (IllegalArgumentException bad) {
                throw new ConfigException("HEALTH_CHECK_INTERVAL='" + interval + "' is not seconds or a duration");
            }
            e.put("check_interval", written);
            // A check must end before the next starts: the usual timeout, or half the interval when that is shorter.
            long usual = p.type().equals("ollama") ? 2000 : 20000;
            e.put("check_timeout", Math.max(1, Math.min(usual, every.toMillis() / 2)) + "ms");
        }
        String limit = value(env, p.prefix() + "_MAX_CONCURRENT_REQUESTS");
        limit = limit == null ? value(env, "MAX_CONCURRENT_REQUESTS") : limit;
        if (limit != null) {
            e.put("max_concurrent_requests", integer(p.prefix() + "_MAX_CONCURRENT_REQUESTS", limit));
        }
        if (p.authField() != null && value(env, p.prefix() + "_API_KEY") != null) {
            e.putObject("auth").put(p.authField(), "${" + p.prefix() + "_API_KEY}");
        }
        return e;
    }

    // Explicitly enabled, or (as seed 004's short .env does) just given its key.
    private static boolean enabled(Provider p, Map<String, String> env) {
        String flag = value(env, p.prefix() + "_ENABLED");
        if (flag != null) {
            return bool(p.prefix() + "_ENABLED", flag);
        }
        return value(env, p.prefix() + "_API_KEY") != null
                || p.prefix().equals("AWS_BEDROCK") && value(env, "AWS_BEDROCK_ACCESS_KEY") != null
                || p.prefix().equals("OLLAMA") && value(env, "OLLAMA_BASE_URL") != null;
    }

    private static java.util.Optional<String> balancer(String strategy) {
        String s = strategy.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (s) {
            case "round-robin":
            case "priority":
            case "fastest-response":
            case "cost-optimized":
            case "least-connections":
            case "model-based":
            case "capability-based":
                return java.util.Optional.of(s);
            case "least-loaded":
                return java.util.Optional.of("least-connections");
            default:
                throw new ConfigException("ROUTING_STRATEGY='" + strategy + "' is not one we know: round_robin, "
                        + "least_loaded, fastest_response, cost_optimized, priority, capability_based, model_based");
        }
    }

    // The .env file itself sets up a seed-004 provider.
    private static boolean definesProviders(Map<String, String> dotEnv) {
        return PROVIDERS.stream().anyMatch(p -> enabled(p, dotEnv));
    }

    /** Variables with a seed-004 prefix that are not ones we read, each with the one it was probably meant to be. */
    static List<String> misspellings(Map<String, String> env) {
        Set<String> known = new LinkedHashSet<>(GLOBALS);
        for (Provider p : PROVIDERS) {
            SUFFIXES.forEach(s -> known.add(p.prefix() + "_" + s));
        }
        BEDROCK_SUFFIXES.forEach(s -> known.add("AWS_BEDROCK_" + s));
        List<String> notes = new ArrayList<>();
        for (String name : new TreeSet<>(env.keySet())) {
            if (known.contains(name) || !looksLikeOurs(name)) {
                continue;
            }
            known.stream().filter(k -> ConfigErrors.distance(name, k) <= 2)
                    .min(java.util.Comparator.comparingInt(k -> ConfigErrors.distance(name, k)))
                    .ifPresent(k -> notes.add("environment variable " + name + " is not one Sluice reads: did you "
                            + "mean " + k + "?"));
        }
        return notes;
    }

    private static boolean looksLikeOurs(String name) {
        return PROVIDERS.stream().anyMatch(p -> name.startsWith(p.prefix() + "_"))
                || GLOBAL_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static void copy(Map<String, String> env, String name, ObjectNode tree, String path, boolean number,
                             List<String> applied) {
        String value = value(env, name);
        if (value != null) {
            set(tree, path, number ? tree.numberNode(integer(name, value)) : tree.textNode(value));
            applied.add(name);
        }
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + "='" + value + "' is not a whole number");
        }
    }

    private static boolean bool(String name, String value) {
        String b = value.trim().toLowerCase(Locale.ROOT);
        if (b.equals("true") || b.equals("1") || b.equals("yes")) {
            return true;
        }
        if (b.equals("false") || b.equals("0") || b.equals("no")) {
            return false;
        }
        throw new ConfigException(name + "='" + value + "' must be true or false");
    }

    private static ArrayNode endpointList(ObjectNode tree) {
        ObjectNode discovery = child(tree, "discovery");
        ObjectNode statics = child(discovery, "static");
        JsonNode endpoints = statics.get("endpoints");
        if (endpoints instanceof ArrayNode array) {
            return array;
        }
        return statics.putArray("endpoints");
    }

    private static boolean named(ArrayNode list, String name) {
        for (JsonNode e : list) {
            if (name.equals(e.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void set(ObjectNode tree, String dottedPath, JsonNode value) {
        String[] parts = dottedPath.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node = child(node, parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(name);
    }
}
