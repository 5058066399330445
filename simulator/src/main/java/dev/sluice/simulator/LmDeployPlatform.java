package dev.sluice.simulator;

import java.util.List;

/** LMDeploy's api_server (FastAPI): empty {@code /health} and vLLM-like cards without {@code max_model_len}. */
final class LmDeployPlatform implements Platform {

    @Override
    public WebStack stack() {
        return WebStack.UVICORN;
    }

    @Override
    public RouteTable routes() {
        return RouteTable.builder()
                .get("/health", exchange -> exchange.empty(200))
                .get("/v1/models", exchange -> exchange.json(200,
                        ModelList.of(exchange.models(), model -> Card.of(model, exchange.epochSecond()))))
                .post("/v1/chat/completions", new OpenAiChatRoute())
                .build();
    }

    @Override
    public List<String> defaultModelNames() {
        return List.of("internlm/internlm2_5-7b-chat");
    }

    /** LMDeploy's card is vLLM's minus {@code max_model_len}: a proxy must not require that field. */
    record Card(String id, String object, long created, String ownedBy, String root, String parent,
                List<ModelPermission> permission) {

        static Card of(SimulatedModel model, long created) {
            return new Card(model.name(), "model", created, "lmdeploy", model.name(), null,
                    List.of(ModelPermission.of(model, created)));
        }
    }
}
