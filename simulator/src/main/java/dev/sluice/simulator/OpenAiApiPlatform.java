package dev.sluice.simulator;

import java.util.List;
import java.util.Optional;

/**
 * The hosted OpenAI API ({@code api.openai.com}): bearer key on every route, {@code x-ratelimit-*} and
 * {@code x-request-id} on every answer, {@code /v1/models} owned by {@code system}, chat and embeddings as the
 * OpenAI-compatible kind serves them (they copy OpenAI's bytes), and OpenAI's own 401 bodies.
 */
final class OpenAiApiPlatform implements Platform {

    @Override
    public WebStack stack() {
        return WebStack.OPENAI;
    }

    @Override
    public RouteTable routes() {
        return RouteTable.builder()
                .get("/v1/models", OpenAiModel.listRoute("system"))
                .post("/v1/chat/completions", new OpenAiChatRoute())
                .post("/v1/embeddings", new OpenAiEmbeddingsRoute())
                .build();
    }

    @Override
    public List<String> defaultModelNames() {
        return List.of("gpt-4o", "gpt-4o-mini", "text-embedding-3-small");
    }

    @Override
    public boolean intercept(Exchange exchange) {
        HostedHeaders.openAi(exchange);
        Optional<String> authorization = exchange.requestHeader("Authorization");
        if (authorization.isEmpty() || !authorization.get().startsWith("Bearer ")) {
            unauthorized(exchange, "You didn't provide an API key. You need to provide your API key in an "
                    + "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the "
                    + "password field (with blank username) if you're accessing the API from your browser and are "
                    + "prompted for a username and password. You can obtain an API key from "
                    + "https://platform.openai.com/account/api-keys.", null);
            return true;
        }
        String key = authorization.get().substring("Bearer ".length()).trim();
        if (!HostedApiKey.matches(key)) {
            unauthorized(exchange, "Incorrect API key provided: " + HostedApiKey.masked(key)
                    + ". You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_api_key");
            return true;
        }
        return false;
    }

    private static void unauthorized(Exchange exchange, String message, String code) {
        var error = exchange.newObject().put("message", message).put("type", "invalid_request_error");
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        var body = exchange.newObject();
        body.set("error", error);
        exchange.json(401, body);
    }
}
