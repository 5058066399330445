package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Anthropic's hosted API ({@code api.anthropic.com}): {@code x-api-key} and {@code anthropic-version} required on
 * every route, {@code request-id} and {@code anthropic-ratelimit-*} on every answer, the paged {@code /v1/models}
 * list ({@code data}, {@code has_more}, {@code first_id}, {@code last_id}, {@code limit} and {@code after_id}
 * honoured), and the Messages API in Anthropic's own bytes ({@link AnthropicDialect}, the base dialect).
 */
final class AnthropicApiPlatform implements Platform {

    private static final Instant CREATED = Instant.parse("2025-05-14T00:00:00Z");

    @Override
    public WebStack stack() {
        return WebStack.ANTHROPIC_API;
    }

    @Override
    public RouteTable routes() {
        return RouteTable.builder()
                .get("/v1/models", AnthropicApiPlatform::listModels)
                .post("/v1/messages", new AnthropicMessagesRoute(new AnthropicDialect()))
                .post("/v1/messages/count_tokens", new AnthropicCountTokensRoute())
                .build();
    }

    @Override
    public List<String> defaultModelNames() {
        return List.of("claude-sonnet-4-20250514", "claude-3-5-haiku-20241022");
    }

    @Override
    public boolean intercept(Exchange exchange) {
        Optional<String> key = exchange.requestHeader("x-api-key");
        if (key.isEmpty()) {
            exchange.stack().error(exchange, 401, "x-api-key header is required");
            return true;
        }
        if (!HostedApiKey.matches(key.get())) {
            exchange.stack().error(exchange, 401, "invalid x-api-key");
            return true;
        }
        if (exchange.requestHeader("anthropic-version").isEmpty()) {
            exchange.stack().error(exchange, 400, "anthropic-version: header is required");
            return true;
        }
        return false;
    }

    /** {@code GET /v1/models}: newest first in the real API; here in served order, paged by id. */
    private static void listModels(Exchange exchange) {
        List<SimulatedModel> models = exchange.models();
        int limit = exchange.queryParameter("limit").map(Integer::parseInt).orElse(20);
        int start = exchange.queryParameter("after_id").map(after -> indexAfter(models, after)).orElse(0);
        int end = Math.min(models.size(), start + Math.max(1, limit));
        ObjectNode body = exchange.newObject();
        ArrayNode data = body.putArray("data");
        for (SimulatedModel model : models.subList(start, end)) {
            data.addObject().put("type", "model").put("id", model.name()).put("display_name", displayName(model))
                    .put("created_at", CREATED.toString());
        }
        body.put("has_more", end < models.size());
        if (start < end) {
            body.put("first_id", models.get(start).name()).put("last_id", models.get(end - 1).name());
        } else {
            body.putNull("first_id").putNull("last_id");
        }
        exchange.json(200, body);
    }

    private static int indexAfter(List<SimulatedModel> models, String id) {
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).name().equals(id)) {
                return i + 1;
            }
        }
        return models.size();
    }

    /** {@code claude-sonnet-4-20250514} reads {@code Claude Sonnet 4}: words capitalised, the date dropped. */
    static String displayName(SimulatedModel model) {
        StringBuilder name = new StringBuilder();
        for (String word : model.name().split("-")) {
            if (word.matches("\\d{8}")) {
                continue;
            }
            if (name.length() > 0) {
                name.append(' ');
            }
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }
}
