package dev.sluice.simulator;

import java.util.List;

/**
 * Docker Model Runner: an OpenAI API under {@code /engines/v1}, also reachable per engine
 * ({@code /engines/llama.cpp/v1}); the model list is its health check too. Model ids are OCI references.
 */
final class DockerModelRunnerPlatform implements Platform {

    @Override
    public WebStack stack() {
        return WebStack.GO_HTTP;
    }

    @Override
    public RouteTable routes() {
        Route models = OpenAiModel.listRoute("docker");
        Route chat = new OpenAiChatRoute();
        Route embeddings = new OpenAiEmbeddingsRoute();
        return RouteTable.builder()
                .get("/engines/v1/models", models)
                .get("/engines/llama.cpp/v1/models", models)
                .post("/engines/v1/chat/completions", chat)
                .post("/engines/llama.cpp/v1/chat/completions", chat)
                .post("/engines/v1/embeddings", embeddings)
                .post("/engines/llama.cpp/v1/embeddings", embeddings)
                .build();
    }

    @Override
    public List<String> defaultModelNames() {
        return List.of("ai/smollm2:360M-Q4_K_M", "ai/llama3.2:3B-Q4_K_M");
    }
}
