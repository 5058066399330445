package dev.sluice.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The platforms the simulator can impersonate. Each constant carries the facts a proxy's profile needs to
 * find it (health and discovery paths, which match Olla's shipped profiles) and knows how to build the
 * routes that make it answer like the real server.
 */
public enum BackendKind {
    OLLAMA("ollama", 11434, "/", "/api/tags", OllamaPlatform::new),
    LM_STUDIO("lm-studio", 1234, "/v1/models", "/api/v0/models", LmStudioPlatform::new),
    OPENAI_COMPATIBLE("openai-compatible", 8080, "/v1/models", "/v1/models", OpenAiCompatiblePlatform::new),
    VLLM("vllm", 8000, "/health", "/v1/models", VllmPlatform::new),
    SGLANG("sglang", 30000, "/health", "/v1/models", SglangPlatform::new),
    LLAMACPP("llamacpp", 8080, "/health", "/v1/models", LlamaCppPlatform::new),
    LEMONADE("lemonade", 8000, "/api/v1/health", "/api/v1/models", LemonadePlatform::new),
    DOCKER_MODEL_RUNNER("dmr", 12434, "/engines/v1/models", "/engines/v1/models", DockerModelRunnerPlatform::new),
    LITELLM("litellm", 4000, "/health", "/v1/models", LiteLlmPlatform::new),
    LMDEPLOY("lmdeploy", 23333, "/health", "/v1/models", LmDeployPlatform::new),
    /** The hosted OpenAI API; the name is Sluice's profile type ({@code openai} is Olla's OpenAI-compatible alias). */
    OPENAI_API("openai-api", 8443, "/v1/models", "/v1/models", OpenAiApiPlatform::new),
    ANTHROPIC("anthropic", 8444, "/v1/models", "/v1/models", AnthropicApiPlatform::new),
    GEMINI("gemini", 8445, GeminiPlatform.MODELS, GeminiPlatform.MODELS, GeminiPlatform::new),
    AZURE_OPENAI("azure-openai", 8446, "/openai/models", "/openai/models", AzureOpenAiPlatform::new);

    private final String cliName;
    private final int defaultPort;
    private final String healthPath;
    private final String discoveryPath;
    private final Supplier<Platform> platform;

    BackendKind(String cliName, int defaultPort, String healthPath, String discoveryPath,
                Supplier<Platform> platform) {
        this.cliName = cliName;
        this.defaultPort = defaultPort;
        this.healthPath = healthPath;
        this.discoveryPath = discoveryPath;
        this.platform = platform;
    }

    /** The name used on the command line ({@code --kind dmr}); matches Olla's profile names where they exist. */
    public String cliName() {
        return cliName;
    }

    /** The port the real server listens on out of the box, so the CLI can stand in for it without flags. */
    public int defaultPort() {
        return defaultPort;
    }

    public String healthPath() {
        return healthPath;
    }

    public String discoveryPath() {
        return discoveryPath;
    }

    /**
     * Parses a CLI name (case-insensitive); the constant's own name is accepted too so that
     * {@code LM_STUDIO} and {@code lm-studio} both work.
     *
     * @throws IllegalArgumentException naming every valid choice, so a CLI user can correct the typo at once
     */
    public static BackendKind fromCliName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (BackendKind kind : values()) {
            if (kind.cliName.equals(wanted) || kind.name().equalsIgnoreCase(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + name + "'; expected one of: " + cliNames());
    }

    /** Every CLI name, comma separated, for usage text and error messages. */
    public static String cliNames() {
        return Arrays.stream(values()).map(BackendKind::cliName).collect(Collectors.joining(", "));
    }

    /** A fresh platform per backend: platforms are cheap and holding none as shared state keeps backends apart. */
    Platform newPlatform() {
        return platform.get();
    }
}
