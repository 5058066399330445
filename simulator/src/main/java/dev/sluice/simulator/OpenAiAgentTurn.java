package dev.sluice.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An OpenAI chat answer of the kind agents get, as vLLM and llama.cpp send it with a reasoning parser and tool
 * calling on: when the request offers {@code tools} and the last message is not a tool result, the model calls the
 * first two tools in parallel (arguments {@code {"query":"fox"}} and {@code {"query":"dog"}}, streamed in two
 * fragments each, {@code finish_reason: tool_calls}); when it sets {@code reasoning_effort}, the answer opens with
 * {@code reasoning_content} ("Let me think.") before the scripted text. Streamed or whole, with usage.
 */
final class OpenAiAgentTurn {

    static final List<String> REASONING = List.of("Let", " me", " think", ".");
    private static final List<String> QUERIES = List.of("fox", "dog");

    private final Exchange exchange;
    private final String id;
    private final ChatRequest request;
    private final ChatScript script;

    OpenAiAgentTurn(Exchange exchange, String id, ChatRequest request) {
        this.exchange = exchange;
        this.id = id;
        this.request = request;
        this.script = exchange.settings().chatScript();
    }

    static boolean applies(ChatRequest request) {
        return callsTools(request.body()) || request.body().hasNonNull("reasoning_effort");
    }

    private static boolean callsTools(JsonNode body) {
        JsonNode messages = body.path("messages");
        boolean answeringToolResult = messages.size() > 0
                && "tool".equals(messages.get(messages.size() - 1).path("role").asText());
        return body.path("tools").size() > 0 && !answeringToolResult
                && !"none".equals(body.path("tool_choice").asText());
    }

    void answer() {
        boolean reasoning = request.body().hasNonNull("reasoning_effort");
        List<String> tools = new ArrayList<>();
        if (callsTools(request.body())) {
            for (JsonNode tool : request.body().path("tools")) {
                if (tools.size() < 2) {
                    tools.add(tool.path("function").path("name").asText());
                }
            }
        }
        if (request.stream()) {
            stream(reasoning, tools);
        } else {
            whole(reasoning, tools);
        }
    }

    private void whole(boolean reasoning, List<String> tools) {
        ObjectNode body = envelope("chat.completion");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (reasoning) {
            message.put("reasoning_content", String.join("", REASONING));
        }
        if (tools.isEmpty()) {
            message.put("content", script.fullText());
        } else {
            message.putNull("content");
            ArrayNode calls = message.putArray("tool_calls");
            for (int i = 0; i < tools.size(); i++) {
                ObjectNode call = calls.addObject().put("id", callId(i)).put("type", "function");
                call.putObject("function").put("name", tools.get(i)).put("arguments", arguments(i));
            }
        }
        choice.put("finish_reason", tools.isEmpty() ? "stop" : "tool_calls");
        body.set("usage", usage(outputTokens(reasoning, tools)));
        exchange.json(200, body);
    }

    private void stream(boolean reasoning, List<String> tools) {
        EventChunks events = new EventChunks();
        events.add(event(chunk(delta().put("role", "assistant").put("content", ""), null)));
        if (reasoning) {
            for (String word : REASONING) {
                events.add(event(chunk(delta().put("reasoning_content", word), null)));
            }
        }
        if (tools.isEmpty()) {
            for (int i = 0; i < script.chunks(); i++) {
                events.add(event(chunk(delta().put("content", script.token(i)), null)));
            }
        }
        for (int i = 0; i < tools.size(); i++) {
            String args = arguments(i);
            int cut = args.length() / 2;
            ObjectNode first = delta();
            ObjectNode call = first.putArray("tool_calls").addObject().put("index", i).put("id", callId(i))
                    .put("type", "function");
            call.putObject("function").put("name", tools.get(i)).put("arguments", "");
            events.add(event(chunk(first, null)));
            for (String fragment : List.of(args.substring(0, cut), args.substring(cut))) {
                ObjectNode more = delta();
                more.putArray("tool_calls").addObject().put("index", i).putObject("function").put("arguments", fragment);
                events.add(event(chunk(more, null)));
            }
        }
        events.add(event(chunk(delta(), tools.isEmpty() ? "stop" : "tool_calls")));
        if (request.includeUsage()) {
            ObjectNode usageChunk = envelope("chat.completion.chunk");
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage(outputTokens(reasoning, tools)));
            events.add(event(usageChunk));
        }
        events.add("data: [DONE]\n\n");
        exchange.beginStream(200, "text/event-stream");
        new PacedWriter(exchange, events, script.interChunkDelay()).iterate();
    }

    private int outputTokens(boolean reasoning, List<String> tools) {
        return (reasoning ? REASONING.size() : 0) + (tools.isEmpty() ? script.chunks() : 6 * tools.size());
    }

    private String callId(int index) {
        return "call_" + id.substring(id.length() - 6) + "_" + index;
    }

    private static String arguments(int index) {
        return "{\"query\":\"" + QUERIES.get(index % QUERIES.size()) + "\"}";
    }

    private ObjectNode envelope(String object) {
        return exchange.newObject().put("id", id).put("object", object).put("created", exchange.epochSecond())
                .put("model", request.model());
    }

    private ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope("chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return chunk;
    }

    private ObjectNode delta() {
        return exchange.newObject();
    }

    private ObjectNode usage(int completion) {
        return exchange.newObject().put("prompt_tokens", request.promptTokens()).put("completion_tokens", completion)
                .put("total_tokens", request.promptTokens() + completion);
    }

    private String event(ObjectNode json) {
        return "data: " + new String(exchange.toJsonBytes(json), StandardCharsets.UTF_8) + "\n\n";
    }
}
