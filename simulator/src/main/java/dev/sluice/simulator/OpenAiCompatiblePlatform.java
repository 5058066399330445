package dev.sluice.simulator;

import java.util.List;

/**
 * A generic OpenAI-compatible API: {@code /v1/models}, which doubles as its health check, and chat. Errors
 * follow OpenAI's own shape, the one most "compatible" gateways copy.
 */
final class OpenAiCompatiblePlatform implements Platform {

    @Override
    public WebStack stack() {
        return WebStack.OPENAI;
    }

    @Override
    public RouteTable routes() {
        return RouteTable.builder()
                .get("/v1/models", OpenAiModel.listRoute("openai"))
                .post("/v1/chat/completions", new OpenAiChatRoute())
                .post("/v1/embeddings", new OpenAiEmbeddingsRoute())
                .build();
    }

    @Override
    public List<String> defaultModelNames() {
        return List.of("gpt-4o-mini", "text-embedding-3-small");
    }
}
