package dev.sluice.adapters.config.profile;

import java.util.List;
import java.util.Map;

/**
 * A profile YAML file in Olla's schema. Only the sections that drive behaviour are bound; descriptive sections
 * ({@code detection}, {@code resources}, {@code features} ...) are accepted and left unread (see
 * {@link ProfileLoader#DESCRIPTIVE_SECTIONS}).
 */
public record ProfileDocument(
        String name,
        String version,
        String displayName,
        String description,
        String home,
        Routing routing,
        Api api,
        Characteristics characteristics,
        Models models,
        Request request,
        Metrics metrics,
        Provider provider) {

    /** {@code provider}: a Sluice extension describing how a hosted API differs from a local server. */
    public record Provider(String authType, String authHeader, Map<String, String> headers, String apiVersion,
                           Boolean preservePath, java.time.Duration checkInterval, java.time.Duration checkTimeout,
                           Map<String, String> pathRewrites, Boolean deploymentRouting, String awsSigningService) {
    }

    /** {@code routing}. */
    public record Routing(List<String> prefixes) {
    }

    /** {@code api}. */
    public record Api(Boolean openaiCompatible, List<String> paths, String modelDiscoveryPath, String healthCheckPath,
                      AnthropicSupport anthropicSupport) {
    }

    /** {@code api.anthropic_support}. */
    public record AnthropicSupport(Boolean enabled, String messagesPath, Boolean tokenCount, String minVersion,
                                   List<String> limitations) {
    }

    /** {@code characteristics}. */
    public record Characteristics(java.time.Duration timeout, Integer maxConcurrentRequests, Integer defaultPriority,
                                  Boolean streamingSupport, Boolean singleModelServer) {
    }

    /** {@code models}. */
    public record Models(String nameFormat, Map<String, List<String>> capabilityPatterns,
                         List<ContextPattern> contextPatterns, List<String> providerPrefixes,
                         List<String> completeCapabilities) {
    }

    /** One of {@code models.context_patterns}. */
    public record ContextPattern(String pattern, Long context) {
    }

    /** {@code request}. */
    public record Request(List<String> modelFieldPaths, String responseFormat) {
    }

    /** {@code metrics}. */
    public record Metrics(Extraction extraction) {
    }

    /** {@code metrics.extraction}. */
    public record Extraction(Boolean enabled, String source, String format, Map<String, String> paths,
                             Map<String, String> calculations) {
    }
}
