package dev.sluice.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Azure OpenAI's data plane ({@code https://<resource>.openai.azure.com}): the key in {@code api-key} (or an Entra
 * bearer token), {@code ?api-version=} required on every route, and requests routed by deployment, not by the
 * body's {@code model}: {@code POST /openai/deployments/{deployment}/chat/completions}. The simulated models are
 * the resource's deployments; an unknown one is Azure's {@code DeploymentNotFound}. {@code GET /openai/models}
 * lists them. Answers carry the OpenAI chat bytes (and Azure's {@code x-ratelimit-remaining-*} and
 * {@code apim-request-id}), errors Azure's {@code {"error":{"code","message"}}}.
 */
final class AzureOpenAiPlatform implements Platform {

    private static final String DEPLOYMENTS = "/openai/deployments/";
    private static final String CHAT = "/chat/completions";
    private final OpenAiChatRoute chat = new OpenAiChatRoute();

    @Override
    public WebStack stack() {
        return WebStack.AZURE;
    }

    @Override
    public RouteTable routes() {
        return RouteTable.builder().get("/openai/models", AzureOpenAiPlatform::listModels).build();
    }

    @Override
    public List<String> defaultModelNames() {
        return List.of("gpt-4o", "gpt-4o-mini");
    }

    @Override
    public boolean intercept(Exchange exchange) throws Exception {
        HostedHeaders.azure(exchange);
        Optional<String> key = exchange.requestHeader("api-key").or(() -> exchange.requestHeader("Authorization")
                .filter(value -> value.startsWith("Bearer ")).map(value -> value.substring("Bearer ".length()).trim()));
        if (key.isEmpty() || !HostedApiKey.matches(key.get())) {
            exchange.stack().error(exchange, 401, "Access denied due to invalid subscription key or wrong API "
                    + "endpoint. Make sure to provide a valid key for an active subscription and use a correct "
                    + "regional API endpoint for your resource.");
            return true;
        }
        if (exchange.queryParameter("api-version").isEmpty()) {
            exchange.stack().notFound(exchange);
            return true;
        }
        String path = exchange.path();
        if (!path.startsWith(DEPLOYMENTS)) {
            return false;
        }
        if (!path.endsWith(CHAT) || !exchange.method().equals("POST")) {
            exchange.stack().notFound(exchange);
            return true;
        }
        String deployment = path.substring(DEPLOYMENTS.length(), path.length() - CHAT.length());
        if (ServedModels.named(exchange, deployment).isEmpty()) {
            ObjectNode body = exchange.newObject();
            body.putObject("error").put("code", "DeploymentNotFound").put("message", "The API deployment for this "
                    + "resource does not exist. If you created the deployment within the last 5 minutes, please wait "
                    + "a moment and try again.");
            exchange.json(404, body);
            return true;
        }
        SimulatorHandler.generate(exchange, ex -> answer(ex, deployment));
        return true;
    }

    /** The body's {@code model} is optional and ignored: the deployment decides, and names the answer. */
    private void answer(Exchange exchange, String deployment) throws IOException {
        JsonNode body;
        try {
            body = exchange.readJsonBody();
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            exchange.stack().error(exchange, 400, "We could not parse the JSON body of your request.");
            return;
        }
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        chat.answer(exchange, new ChatRequest(deployment, body.path("stream").asBoolean(false), includeUsage,
                PromptWords.in(body), body));
    }

    private static void listModels(Exchange exchange) {
        ObjectNode body = exchange.newObject();
        ArrayNode data = body.putArray("data");
        for (SimulatedModel model : exchange.models()) {
            ObjectNode entry = data.addObject().put("status", "succeeded").put("model", model.name())
                    .put("id", model.name()).put("object", "model").put("created_at", exchange.epochSecond());
            entry.putObject("capabilities").put("chat_completion", true).put("completion", false)
                    .put("embeddings", false).put("fine_tune", false).put("inference", true);
            entry.put("lifecycle_status", "generally-available");
        }
        body.put("object", "list");
        exchange.json(200, body);
    }
}
