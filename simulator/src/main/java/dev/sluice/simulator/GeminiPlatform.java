package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Google's Generative Language API (Gemini) at {@code generativelanguage.googleapis.com}: the key in
 * {@code x-goog-api-key} or {@code ?key=} (a bearer token is accepted on the OpenAI-compatible surface), the paged
 * {@code GET /v1beta/models} list ({@code pageSize}, {@code pageToken}, {@code nextPageToken}), one model by name,
 * {@code models/{model}:generateContent}, {@code :streamGenerateContent} ({@code ?alt=sse} or a JSON array) and
 * {@code :countTokens} ({@link GeminiGenerateRoute}), and the OpenAI-compatible surface under
 * {@code /v1beta/openai/}. Errors are Google's {@code {"error":{"code","message","status"}}}: no key is 403
 * {@code PERMISSION_DENIED}, a wrong one 400 {@code INVALID_ARGUMENT} with reason {@code API_KEY_INVALID}, as
 * the real API answers.
 */
final class GeminiPlatform implements Platform {

    static final String MODELS = "/v1beta/models";
    private final GeminiGenerateRoute generate = new GeminiGenerateRoute();

    @Override
    public WebStack stack() {
        return WebStack.GOOGLE_API;
    }

    @Override
    public RouteTable routes() {
        return RouteTable.builder()
                .get(MODELS, GeminiPlatform::listModels)
                .get("/v1beta/openai/models", OpenAiModel.listRoute("google"))
                .post("/v1beta/openai/chat/completions", new OpenAiChatRoute())
                .build();
    }

    @Override
    public List<String> defaultModelNames() {
        return List.of("gemini-2.5-flash", "gemini-2.5-pro");
    }

    @Override
    public String discoveryListField() {
        return "models";
    }

    @Override
    public boolean intercept(Exchange exchange) throws Exception {
        Optional<String> key = exchange.requestHeader("x-goog-api-key").or(() -> exchange.queryParameter("key"))
                .or(() -> exchange.requestHeader("Authorization").filter(value -> value.startsWith("Bearer "))
                        .map(value -> value.substring("Bearer ".length()).trim()));
        if (key.isEmpty()) {
            exchange.stack().error(exchange, 403, "Method doesn't allow unregistered callers (callers without "
                    + "established identity). Please use API Key or other form of API consumer identity to call "
                    + "this API.");
            return true;
        }
        if (!HostedApiKey.matches(key.get())) {
            invalidKey(exchange);
            return true;
        }
        String path = exchange.path();
        if (!path.startsWith(MODELS + "/")) {
            return false; // the exact routes of the table
        }
        String name = path.substring(MODELS.length() + 1);
        int colon = name.indexOf(':');
        if (colon < 0) {
            if (!exchange.method().equals("GET")) {
                exchange.stack().notFound(exchange);
            } else {
                getModel(exchange, name);
            }
            return true;
        }
        if (!exchange.method().equals("POST")) {
            exchange.stack().notFound(exchange);
            return true;
        }
        String model = name.substring(0, colon);
        String method = name.substring(colon + 1);
        if (ServedModels.named(exchange, model).isEmpty()) {
            exchange.stack().error(exchange, 404, "models/" + model + " is not found for API version v1beta, or is "
                    + "not supported for " + method + ". Call ListModels to see the list of available models and "
                    + "their supported methods.");
            return true;
        }
        switch (method) {
            case "generateContent":
                SimulatorHandler.generate(exchange, ex -> generate.handle(ex, model, GeminiGenerateRoute.Mode.WHOLE));
                return true;
            case "streamGenerateContent":
                GeminiGenerateRoute.Mode mode = exchange.queryParameter("alt").filter("sse"::equals).isPresent()
                        ? GeminiGenerateRoute.Mode.SSE : GeminiGenerateRoute.Mode.JSON_ARRAY;
                SimulatorHandler.generate(exchange, ex -> generate.handle(ex, model, mode));
                return true;
            case "countTokens":
                generate.countTokens(exchange);
                return true;
            default:
                exchange.stack().notFound(exchange);
                return true;
        }
    }

    /** The wrong-key answer, with the {@code ErrorInfo} detail Google adds. */
    private static void invalidKey(Exchange exchange) {
        ObjectNode body = exchange.newObject();
        ObjectNode error = body.putObject("error").put("code", 400)
                .put("message", "API key not valid. Please pass a valid API key.").put("status", "INVALID_ARGUMENT");
        ObjectNode info = error.putArray("details").addObject()
                .put("@type", "type.googleapis.com/google.rpc.ErrorInfo").put("reason", "API_KEY_INVALID")
                .put("domain", "googleapis.com");
        info.putObject("metadata").put("service", "generativelanguage.googleapis.com");
        exchange.json(400, body);
    }

    /** {@code GET /v1beta/models}: 50 a page unless {@code pageSize} says otherwise (1000 at most). */
    private static void listModels(Exchange exchange) {
        List<SimulatedModel> models = exchange.models();
        int size = exchange.queryParameter("pageSize").map(Integer::parseInt).orElse(50);
        size = Math.max(1, Math.min(1000, size));
        int start = exchange.queryParameter("pageToken").map(GeminiPlatform::decodeToken).orElse(0);
        start = Math.min(start, models.size());
        int end = Math.min(models.size(), start + size);
        ObjectNode body = exchange.newObject();
        ArrayNode list = body.putArray("models");
        for (SimulatedModel model : models.subList(start, end)) {
            list.add(entry(exchange, model));
        }
        if (end < models.size()) {
            body.put("nextPageToken", encodeToken(end));
        }
        exchange.json(200, body);
    }

    private static void getModel(Exchange exchange, String name) {
        Optional<SimulatedModel> model = ServedModels.named(exchange, name);
        if (model.isEmpty()) {
            exchange.stack().error(exchange, 404, "models/" + name + " is not found for API version v1beta, or is "
                    + "not supported for getModel.");
            return;
        }
        exchange.json(200, entry(exchange, model.get()));
    }

    private static ObjectNode entry(Exchange exchange, SimulatedModel model) {
        ObjectNode entry = exchange.newObject().put("name", "models/" + model.name()).put("version", "001")
                .put("displayName", displayName(model.name()))
                .put("description", "A simulated " + displayName(model.name()) + " model.")
                .put("inputTokenLimit", 1_048_576).put("outputTokenLimit", 65_536);
        ArrayNode methods = entry.putArray("supportedGenerationMethods");
        if (model.name().contains("embedding")) {
            methods.add("embedContent");
        } else {
            methods.add("generateContent").add("countTokens").add("createCachedContent").add("batchGenerateContent");
            entry.put("temperature", 1.0).put("topP", 0.95).put("topK", 64).put("maxTemperature", 2.0)
                    .put("thinking", true);
        }
        return entry;
    }

    private static String displayName(String name) {
        StringBuilder display = new StringBuilder();
        for (String word : name.split("-")) {
            if (display.length() > 0) {
                display.append(' ');
            }
            display.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return display.toString();
    }

    // Opaque to clients, as Google's tokens are; the simulator only needs to find its place again.
    private static String encodeToken(int offset) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("o" + offset).getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static int decodeToken(String token) {
        try {
            String text = new String(java.util.Base64.getUrlDecoder().decode(token),
                    java.nio.charset.StandardCharsets.US_ASCII);
            return Integer.parseInt(text.substring(1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return 0;
        }
    }
}
