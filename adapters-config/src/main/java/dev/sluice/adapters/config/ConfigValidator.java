package dev.sluice.adapters.config;

import dev.sluice.adapters.config.problem.ConfigException;
import dev.sluice.adapters.config.schema.EndpointConfig;
import dev.sluice.adapters.config.schema.SluiceConfig;
import dev.sluice.domain.fallback.FallbackStrategy;
import dev.sluice.domain.profile.ProfileCatalog;
import dev.sluice.domain.profile.ProviderTraits;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every rule a config must pass before anything starts. Collects all problems, each as one line naming the file,
 * line, key and fix, so an operator fixes a broken file in one round.
 */
final class ConfigValidator {

    private static final Duration MIN_CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final long MAX_MESSAGE_SIZE = 100L << 20;
    /** Balancers that choose among equals; model-based and capability-based add preferences on top of one. */
    static final List<String> BALANCERS = List.of("priority", "round-robin", "least-connections", "fastest-response",
            "cost-optimized");
    static final List<String> STRATEGIES = List.of("priority", "round-robin", "least-connections", "fastest-response",
            "cost-optimized", "model-based", "capability-based");
    /** Routes served outside the profiles' own prefixes. */
    private static final List<String> OTHER_ROUTES = List.of("proxy", "openai", "openai-compatible", "anthropic",
            "ollama-front-door");

    private final String source;
    private final YamlLocations locations;
    private final List<String> problems = new ArrayList<>();

    private ConfigValidator(String source, YamlLocations locations) {
        this.source = source;
        this.locations = locations;
    }

    static List<String> validate(SluiceConfig config, ProfileCatalog profiles, String source, YamlLocations locations) {
        ConfigValidator v = new ConfigValidator(source, locations);
        v.server(config);
        v.proxy(config);
        v.routing(config, profiles);
        v.discovery(config, profiles);
        v.registry(config);
        v.other(config);
        return List.copyOf(v.problems);
    }

    private void server(SluiceConfig c) {
        var s = c.server();
        check(s.port() >= 0 && s.port() <= 65535, "server.port", "must be between 1 and 65535 (0 picks any free port), got " + s.port());
        check(!s.host().isBlank(), "server.host", "must not be empty: write localhost, or 0.0.0.0 to listen on all interfaces");
        nonNegative(s.readTimeout(), "server.read_timeout");
        nonNegative(s.readHeaderTimeout(), "server.read_header_timeout");
        nonNegative(s.writeTimeout(), "server.write_timeout");
        nonNegative(s.idleTimeout(), "server.idle_timeout");
        nonNegative(s.shutdownTimeout(), "server.shutdown_timeout");
        var cors = s.cors();
        if (cors.enabled()) {
            check(!cors.allowedOrigins().isEmpty(), "server.cors.allowed_origins",
                    "is empty while CORS is enabled: list origins, or \"*\"");
            check(!(cors.allowCredentials() && cors.allowedOrigins().contains("*")), "server.cors.allow_credentials",
                    "cannot be true with allowed_origins \"*\" (browsers reject it): list explicit origins");
        }
        check(cors.maxAge() >= 0, "server.cors.max_age", "must be >= 0");
        var rl = s.rateLimits();
        check(rl.globalRequestsPerMinute() >= 0, "server.rate_limits.global_requests_per_minute", "must be >= 0");
        check(rl.perIpRequestsPerMinute() >= 0, "server.rate_limits.per_ip_requests_per_minute", "must be >= 0");
        check(rl.healthRequestsPerMinute() >= 0, "server.rate_limits.health_requests_per_minute", "must be >= 0");
        check(rl.burstSize() >= 0, "server.rate_limits.burst_size", "must be >= 0");
        check(rl.perEndpoint().defaultRequestsPerMinute() >= 0,
                "server.rate_limits.per_endpoint.default_requests_per_minute", "must be >= 0 (0 means no limit)");
        cidrs(rl.trustedProxyCidrs(), "server.rate_limits.trusted_proxy_cidrs");
    }

    private void proxy(SluiceConfig c) {
        var p = c.proxy();
        oneOf(p.engine(), "proxy.engine", List.of("olla", "sherpa"));
        oneOf(p.profile(), "proxy.profile", List.of("auto", "streaming", "standard"));
        oneOf(p.loadBalancer(), "proxy.load_balancer", STRATEGIES);
        positive(p.connectionTimeout(), "proxy.connection_timeout");
        nonNegative(p.connectionKeepAlive(), "proxy.connection_keep_alive");
        nonNegative(p.responseTimeout(), "proxy.response_timeout");
        nonNegative(p.readTimeout(), "proxy.read_timeout");
        nonNegative(p.responseHeaderTimeout(), "proxy.response_header_timeout");
        nonNegative(p.tlsHandshakeTimeout(), "proxy.tls_handshake_timeout");
        check(p.streamBufferSize() >= 0, "proxy.stream_buffer_size", "must be >= 0 (0 picks the engine's default)");
        var sticky = p.stickySessions();
        for (String source : sticky.keySources()) {
            oneOf(source, "proxy.sticky_sessions.key_sources",
                    List.of("session_header", "prefix_hash", "auth_header", "ip"));
        }
        check(sticky.idleTtlSeconds() >= 0, "proxy.sticky_sessions.idle_ttl_seconds", "must be >= 0 (0 means no expiry)");
        check(sticky.maxSessions() >= 1, "proxy.sticky_sessions.max_sessions", "must be >= 1");
        check(sticky.prefixHashBytes() >= 1, "proxy.sticky_sessions.prefix_hash_bytes", "must be >= 1");
        check(p.retry().maxAttempts() >= 0, "proxy.retry.max_attempts", "must be >= 0 (0 tries every endpoint once)");
        check(p.maxRetries() >= 0, "proxy.max_retries", "must be >= 0");
        check(p.circuitBreaker().failureThreshold() >= 1, "proxy.circuit_breaker.failure_threshold", "must be >= 1");
        positive(p.circuitBreaker().openDuration(), "proxy.circuit_breaker.open_duration");
        check(p.queue().maxSize() >= 0, "proxy.queue.max_size", "must be >= 0 (0 refuses at once)");
        positive(p.queue().timeout(), "proxy.queue.timeout");
        check(!p.queue().priorityHeader().isBlank(), "proxy.queue.priority_header", "must name a header");
        try {
            FallbackStrategy.parse(p.fallback().strategy());
        } catch (IllegalArgumentException e) {
            check(false, "proxy.fallback.strategy", e.getMessage());
        }
        check(p.fallback().retrySameAttempts() >= 0, "proxy.fallback.retry_same_attempts", "must be >= 0");
        check(!p.fallback().backoff().isNegative(), "proxy.fallback.backoff", "must not be negative");
        check(!p.fallback().maxBackoff().isNegative(), "proxy.fallback.max_backoff", "must not be negative");
        check(p.outlierDetection().consecutiveErrors() >= 1, "proxy.outlier_detection.consecutive_errors", "must be >= 1");
        positive(p.outlierDetection().baseEjection(), "proxy.outlier_detection.base_ejection");
        check(p.outlierDetection().maxEjection().compareTo(p.outlierDetection().baseEjection()) >= 0,
                "proxy.outlier_detection.max_ejection", "must not be shorter than base_ejection");
    }

    private void routing(SluiceConfig c, ProfileCatalog profiles) {
        var r = c.proxy().routing();
        oneOf(r.tieBreaker(), "proxy.routing.tie_breaker", BALANCERS);
        oneOf(r.whenNoneFit(), "proxy.routing.when_none_fit", List.of("reject", "forward"));
        Set<String> routes = new java.util.TreeSet<>(OTHER_ROUTES);
        profiles.all().forEach(p -> p.prefixes().forEach(prefix -> routes.add(prefix.toLowerCase(Locale.ROOT))));
        r.byRoute().forEach((route, strategy) -> {
            String key = "proxy.routing.by_route." + route;
            check(routes.contains(dev.sluice.domain.routing.StrategyChoice.routeKey(route)), key,
                    "is not a route: use one of " + String.join(", ", routes));
            oneOf(strategy, key, STRATEGIES);
        });
        r.byModel().forEach((model, strategy) -> {
            String key = "proxy.routing.by_model." + model;
            check(!model.isBlank(), key, "must be a model name or glob such as llama*");
            oneOf(strategy, key, STRATEGIES);
        });
        if (r.modelPatterns() == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        c.discovery().staticDiscovery().endpoints().forEach(e -> {
            if (e.name() != null) {
                names.add(e.name().toLowerCase(Locale.ROOT));
            }
        });
        for (int i = 0; i < r.modelPatterns().size(); i++) {
            var pattern = r.modelPatterns().get(i);
            String key = "proxy.routing.model_patterns[" + i + "]";
            check(pattern.pattern() != null && !pattern.pattern().isBlank(), key + ".pattern",
                    "is missing: write a model glob such as claude-*");
            check(!pattern.providers().isEmpty(), key + ".providers",
                    "is empty: name the endpoint types (anthropic, openai-api, ollama ...), endpoint names or local");
            for (String provider : pattern.providers()) {
                boolean known = provider != null && (provider.equalsIgnoreCase("local")
                        || profiles.forType(provider).isPresent() || names.contains(provider.toLowerCase(Locale.ROOT)));
                check(known, key + ".providers", "'" + provider + "' is neither an endpoint type, an endpoint name "
                        + "nor local: use one of " + String.join(", ", profiles.knownTypes()));
            }
        }
    }

    private void discovery(SluiceConfig c, ProfileCatalog profiles) {
        var d = c.discovery();
        oneOf(d.type(), "discovery.type", List.of("static"));
        nonNegative(d.healthCheck().initialDelay(), "discovery.health_check.initial_delay");
        positive(d.refreshInterval(), "discovery.refresh_interval");
        var md = d.modelDiscovery();
        if (md.enabled()) {
            positive(md.interval(), "discovery.model_discovery.interval");
            positive(md.timeout(), "discovery.model_discovery.timeout");
            check(md.concurrentWorkers() >= 1, "discovery.model_discovery.concurrent_workers", "must be >= 1");
        }
        check(md.retryAttempts() >= 0, "discovery.model_discovery.retry_attempts", "must be >= 0");
        nonNegative(md.retryBackoff(), "discovery.model_discovery.retry_backoff");
        List<EndpointConfig> endpoints = d.staticDiscovery().endpoints();
        check(!endpoints.isEmpty(), "discovery.static.endpoints", "is empty: configure at least one endpoint");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < endpoints.size(); i++) {
            endpoint(endpoints.get(i), "discovery.static.endpoints[" + i + "]", profiles, names);
        }
    }

    private void endpoint(EndpointConfig e, String key, ProfileCatalog profiles, Set<String> names) {
        URI url = null;
        try {
            url = EndpointUrls.parseBase(e.url(), key + ".url");
        } catch (ConfigException bad) {
            problem(key + ".url", bad.getMessage().replaceFirst("^'[^']*' ", ""));
        }
        if (url != null && url.getUserInfo() != null) {
            String user = url.getUserInfo().split(":", 2)[0];
            problem(key + ".url", "must not contain credentials (user:pass@): remove them from the URL and add "
                    + "'auth: {type: basic, username: " + user + ", password: ${ENDPOINT_PASSWORD}}' to the endpoint");
        }
        if (e.type() == null || e.type().isBlank()) {
            problem(key + ".type", "is missing: set it to one of " + String.join(", ", profiles.knownTypes()));
        } else if (profiles.forType(e.type()).isEmpty()) {
            problem(key + ".type", "'" + e.type() + "' is not a known platform: use one of "
                    + String.join(", ", profiles.knownTypes()) + ", or add a profile in config/profiles/");
        }
        if (url != null) {
            String name = EndpointMapper.nameOf(e, url);
            check(names.add(name), key + ".name", "'" + name + "' is used by another endpoint: names must be unique");
        }
        check(e.priority() == null || e.priority() >= 0, key + ".priority", "must be >= 0");
        check(e.maxConcurrentRequests() == null || e.maxConcurrentRequests() >= 0, key + ".max_concurrent_requests",
                "must be >= 0 (0 means unlimited)");
        check(e.costPerMillionTokens() == null || e.costPerMillionTokens() >= 0, key + ".cost_per_million_tokens",
                "must be >= 0");
        ProviderTraits traits = e.type() == null ? ProviderTraits.NONE
                : profiles.forType(e.type()).map(p -> p.provider()).orElse(ProviderTraits.NONE);
        Duration interval = EndpointDefaults.checkInterval(e, traits);
        Duration timeout = EndpointDefaults.checkTimeout(e, traits);
        check(interval.compareTo(MIN_CHECK_INTERVAL) >= 0, key + ".check_interval", "must be at least 1s");
        check(timeout.compareTo(Duration.ZERO) > 0, key + ".check_timeout", "must be positive");
        check(timeout.compareTo(interval) < 0, key + ".check_timeout",
                "(" + timeout.toMillis() + "ms) must be shorter than check_interval ("
                        + interval.toMillis() + "ms): lower the timeout or raise the interval");
        check(timeout.compareTo(MAX_CHECK_TIMEOUT) <= 0, key + ".check_timeout", "must be 30s or less");
        if (e.auth() != null) {
            String type = EndpointDefaults.authType(e, traits);
            check(List.of("bearer", "api_key", "basic").contains(type), key + ".auth.type",
                    type.isEmpty() ? "is missing: set it to bearer, api_key or basic"
                            : "'" + type + "' is not one of bearer, api_key, basic");
        }
        provider(e, key, traits);
    }

    // Every provider key must do something for this endpoint's type: a setting silently ignored is a bug.
    private void provider(EndpointConfig e, String key, ProviderTraits traits) {
        var p = e.provider();
        if (p.apiVersion() != null) {
            check(traits.apiVersion().isPresent(), key + ".provider.api_version",
                    "does nothing for type '" + e.type() + "': only anthropic and azure-openai endpoints have an API "
                            + "version");
            check(!p.apiVersion().isBlank(), key + ".provider.api_version", "must not be empty");
        }
        if (traits.deploymentRouting()) {
            check(!p.deployments().isEmpty(), key + ".provider.deployments",
                    "is missing: map each model to its Azure deployment, e.g. {gpt-4o: my-gpt-4o}");
        } else {
            check(p.deployments().isEmpty(), key + ".provider.deployments",
                    "does nothing for type '" + e.type() + "': only azure-openai endpoints route by deployment");
        }
        if (traits.awsSigningService().isPresent()) {
            check(p.region() != null && p.region().trim().matches("[a-z]{2}(-[a-z]+)+-\\d+"), key + ".provider.region",
                    p.region() == null ? "is missing: name the AWS region, e.g. us-east-1"
                            : "'" + p.region() + "' is not an AWS region such as us-east-1");
            check(present(p.accessKeyId(), p.accessKeyIdFile()), key + ".provider.access_key_id",
                    "is missing: write access_key_id: ${AWS_ACCESS_KEY_ID} (or access_key_id_file)");
            check(present(p.secretAccessKey(), p.secretAccessKeyFile()), key + ".provider.secret_access_key",
                    "is missing: write secret_access_key: ${AWS_SECRET_ACCESS_KEY} (or secret_access_key_file)");
            check(e.auth() == null, key + ".auth", "does nothing for type '" + e.type()
                    + "': requests are signed with the AWS credentials in provider");
        } else {
            boolean aws = p.region() != null || present(p.accessKeyId(), p.accessKeyIdFile())
                    || present(p.secretAccessKey(), p.secretAccessKeyFile()) || present(p.sessionToken(), p.sessionTokenFile());
            check(!aws, key + ".provider", "sets AWS region or credentials, which do nothing for type '" + e.type()
                    + "': only bedrock endpoints are signed");
        }
        if (p.runtimeUrl() != null) {
            check(traits.awsSigningService().isPresent(), key + ".provider.runtime_url", "does nothing for type '"
                    + e.type() + "': only bedrock endpoints send chat to another host than their url");
            check(p.runtimeUrl().trim().matches("(?i)https?://[^/?#\\s]+(/[^?#\\s]*)?"), key + ".provider.runtime_url",
                    "must be an absolute http:// or https:// URL with a host, got '" + p.runtimeUrl() + "'");
        }
        if (p.api() != null) {
            // Only Gemini has both an OpenAI-compatible surface and a native API that Sluice translates to.
            check("gemini".equals(e.type()), key + ".provider.api", "does nothing for type '" + e.type()
                    + "': only gemini endpoints choose between their native and OpenAI-compatible APIs");
            check(p.api().equals("native") || p.api().equals("openai"), key + ".provider.api",
                    "must be native or openai, not '" + p.api() + "'");
        }
        p.deployments().forEach((model, deployment) -> check(deployment != null && !deployment.isBlank()
                        && !deployment.contains("/") && !deployment.contains("?"),
                key + ".provider.deployments." + model, "must be a deployment name (no '/' or '?')"));
    }

    private static boolean present(String inline, String file) {
        return inline != null && !inline.isBlank() || file != null && !file.isBlank();
    }

    private void registry(SluiceConfig c) {
        var r = c.modelRegistry();
        oneOf(r.type(), "model_registry.type", List.of("memory"));
        positive(r.unification().staleThreshold(), "model_registry.unification.stale_threshold");
        positive(r.unification().cleanupInterval(), "model_registry.unification.cleanup_interval");
        oneOf(r.routingStrategy().type(), "model_registry.routing_strategy.type",
                List.of("strict", "optimistic", "discovery"));
        oneOf(r.routingStrategy().options().fallbackBehavior(), "model_registry.routing_strategy.options.fallback_behavior",
                List.of("compatible_only", "all", "none"));
        nonNegative(r.routingStrategy().options().discoveryTimeout(),
                "model_registry.routing_strategy.options.discovery_timeout");
        for (Map.Entry<String, List<String>> alias : c.modelAliases().entrySet()) {
            String key = "model_aliases." + alias.getKey();
            check(!alias.getKey().isBlank() && alias.getKey().equals(alias.getKey().trim()), key,
                    "alias names must be non-empty without surrounding spaces");
            check(alias.getValue() != null && !alias.getValue().isEmpty(), key, "must list at least one model");
            if (alias.getValue() != null) {
                for (String target : alias.getValue()) {
                    check(target != null && !target.isBlank() && target.equals(target.trim()), key,
                            "model names must be non-empty without surrounding spaces");
                }
            }
        }
    }

    private void other(SluiceConfig c) {
        var a = c.translators().anthropic();
        check(a.maxMessageSize() > 0 && a.maxMessageSize() <= MAX_MESSAGE_SIZE, "translators.anthropic.max_message_size",
                "must be between 1 byte and 100MB");
        String dir = a.inspector().outputDir();
        check(!isSystemDir(dir), "translators.anthropic.inspector.output_dir",
                "'" + dir + "' is a system folder: use a folder of your own such as logs/inspector/anthropic");
        oneOf(c.logging().level().toLowerCase(Locale.ROOT), "logging.level", List.of("debug", "info", "warn", "error"));
        oneOf(c.logging().format().toLowerCase(Locale.ROOT), "logging.format", List.of("json", "text"));
        oneOf(c.logging().output().toLowerCase(Locale.ROOT), "logging.output", List.of("stdout", "file"));
        if (c.dashboard().enabled()) {
            check(!c.dashboard().accessPolicy().allowedCidrs().isEmpty(), "dashboard.access_policy.allowed_cidrs",
                    "is empty while the dashboard is enabled: list CIDRs such as 127.0.0.0/8, or disable the dashboard");
            cidrs(c.dashboard().accessPolicy().allowedCidrs(), "dashboard.access_policy.allowed_cidrs");
        }
    }

    private static boolean isSystemDir(String dir) {
        String d = dir.replace('\\', '/');
        for (String system : List.of("/etc", "/bin", "/sbin", "/usr", "/lib", "/boot", "/dev", "/proc", "/sys", "/var/lib")) {
            if (d.equals(system) || d.startsWith(system + "/")) {
                return true;
            }
        }
        return d.equals("/");
    }

    private void cidrs(List<String> cidrs, String key) {
        for (String cidr : cidrs) {
            if (!Cidr.isValid(cidr)) {
                problem(key, "'" + cidr + "' is not a CIDR: write e.g. 10.0.0.0/8 or ::1/128");
            }
        }
    }

    private void oneOf(String value, String key, List<String> allowed) {
        check(allowed.contains(value), key, "'" + value + "' is not one of " + String.join(", ", allowed));
    }

    private void positive(Duration d, String key) {
        check(d.compareTo(Duration.ZERO) > 0, key, "must be a positive duration such as 30s");
    }

    private void nonNegative(Duration d, String key) {
        check(!d.isNegative(), key, "must not be negative");
    }

    private void check(boolean ok, String key, String message) {
        if (!ok) {
            problem(key, message);
        }
    }

    private void problem(String key, String message) {
        String line = locations.lineOf(key).map(l -> ":" + l).orElse("");
        problems.add(source + line + ": '" + key + "' " + message);
    }
}
