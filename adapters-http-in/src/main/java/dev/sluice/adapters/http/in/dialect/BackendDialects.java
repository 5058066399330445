package dev.sluice.adapters.http.in.dialect;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.profile.Profile;

/**
 * Which wire format a translated conversation takes to each endpoint: Anthropic's Messages API for the hosted
 * Anthropic API (any profile whose native format is {@code anthropic} and that is not OpenAI-compatible), Gemini's
 * {@code generateContent} for a Gemini endpoint set to {@code provider.api: native}, Bedrock's Converse API for a
 * Bedrock endpoint (it speaks nothing else), OpenAI chat completions for everything else. Front ends ask here per attempt, so failover may change the dialect.
 * Stateless and thread-safe.
 */
public final class BackendDialects {

    private final BackendDialect openAiChat;
    private final BackendDialect anthropicMessages;
    private final BackendDialect gemini;
    private final BackendDialect bedrock;

    public BackendDialects(ObjectMapper json) {
        this.openAiChat = new OpenAiChatBackend(json);
        this.anthropicMessages = new AnthropicMessagesBackend(json);
        this.gemini = new GeminiBackend(json);
        this.bedrock = new BedrockConverseBackend(json);
    }

    /** The dialect requests to {@code endpoint} are written in. */
    public BackendDialect of(Endpoint endpoint) {
        if (endpoint.profile().responseFormat().equals("bedrock")) {
            return bedrock;
        }
        if (endpoint.provider().nativeApi() && endpoint.profile().responseFormat().equals("gemini")) {
            return gemini;
        }
        return speaksAnthropicOnly(endpoint.profile()) ? anthropicMessages : openAiChat;
    }

    /** Whether an OpenAI chat-completions request must be translated to reach {@code endpoint}. */
    public boolean translatesOpenAiChat(Endpoint endpoint) {
        return of(endpoint) != openAiChat;
    }

    /** Whether requests to {@code endpoint} are written in Anthropic's Messages dialect (its headers then apply). */
    public boolean speaksAnthropicMessages(Endpoint endpoint) {
        return of(endpoint) == anthropicMessages;
    }

    private static boolean speaksAnthropicOnly(Profile profile) {
        return !profile.openaiCompatible() && profile.responseFormat().equals("anthropic");
    }
}
