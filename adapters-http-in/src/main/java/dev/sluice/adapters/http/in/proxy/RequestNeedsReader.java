package dev.sluice.adapters.http.in.proxy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.domain.balancing.RequestNeeds;
import java.io.IOException;
import java.util.Set;

/**
 * Reads what a request body asks of its model, for capability-based routing: tools (OpenAI and Ollama
 * {@code tools}/{@code functions}, earlier tool calls and results), images (OpenAI {@code image_url} parts,
 * Anthropic {@code image} blocks, Ollama {@code images}) and the prompt's size (its text, four characters a token;
 * image data is skipped, not counted). One pass of Jackson's streaming parser, run only when that strategy applies.
 */
final class RequestNeedsReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> TOOL_FIELDS = Set.of("tools", "functions", "tool_calls");
    private static final Set<String> TOOL_TYPES = Set.of("tool_use", "tool_result", "function_call",
            "function_call_output");
    private static final Set<String> IMAGE_TYPES = Set.of("image_url", "image", "input_image");
    // Where image bytes live: their base64 is not prompt text (a 1 MB picture is not 250k tokens).
    private static final Set<String> IMAGE_FIELDS = Set.of("images", "image_url", "source", "inline_data",
            "inlineData");

    private RequestNeedsReader() {
    }

    /** @param path the path after the route prefix, which says what the request does with the model */
    static RequestNeeds read(byte[] body, String path) {
        RequestNeeds.Operation operation = operation(path);
        boolean tools = false;
        boolean vision = false;
        long chars = 0;
        try (JsonParser parser = JSON.createParser(body)) {
            String field = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                    continue;
                }
                if (field != null && (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT)) {
                    if (TOOL_FIELDS.contains(field) && token == JsonToken.START_ARRAY) {
                        tools |= parser.nextToken() != JsonToken.END_ARRAY;
                        if (parser.currentToken() == JsonToken.END_ARRAY) {
                            field = null;
                            continue;
                        }
                        // The tool definitions are prompt text too: count them as they are read.
                        chars += countText(parser);
                    } else if (IMAGE_FIELDS.contains(field)) {
                        boolean nonEmpty = parser.nextToken() != JsonToken.END_ARRAY
                                && parser.currentToken() != JsonToken.END_OBJECT;
                        // An Anthropic source may hold a document; its block's type says whether it is an image.
                        vision |= nonEmpty && !field.equals("source");
                        if (nonEmpty) {
                            skipRest(parser);
                        }
                    }
                    field = null;
                    continue;
                }
                if (token == JsonToken.VALUE_STRING) {
                    String text = parser.getText();
                    if ("type".equals(field) && IMAGE_TYPES.contains(text)) {
                        vision = true;
                    } else if ("type".equals(field) && TOOL_TYPES.contains(text)
                            || "role".equals(field) && text.equals("tool")) {
                        tools = true;
                    } else if (!"model".equals(field)) {
                        chars += text.length();
                    }
                }
                field = null;
            }
        } catch (IOException e) {
            // The body was already parsed once for its model; a body that is not JSON asks for nothing in particular.
            return new RequestNeeds(operation, false, false, 0);
        }
        return new RequestNeeds(operation, tools, vision, chars == 0 ? 0 : Math.max(1, (chars + 3) / 4));
    }

    // Counts the text in the array or object the parser has just entered (one token in), up to its end.
    private static long countText(JsonParser parser) throws IOException {
        long chars = 0;
        int depth = 1;
        JsonToken token = parser.currentToken();
        while (true) {
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                depth++;
            } else if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
                depth--;
                if (depth == 0) {
                    return chars;
                }
            } else if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                chars += parser.getText().length();
            }
            token = parser.nextToken();
            if (token == null) {
                return chars;
            }
        }
    }

    // Skips to the end of the array or object the parser has just entered (one token in).
    private static void skipRest(JsonParser parser) throws IOException {
        int depth = 1;
        JsonToken token = parser.currentToken();
        while (token != null) {
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                depth++;
            } else if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
                depth--;
                if (depth == 0) {
                    return;
                }
            }
            token = parser.nextToken();
        }
    }

    static RequestNeeds.Operation operation(String path) {
        if (path.endsWith("/embeddings") || path.endsWith("/embed")) {
            return RequestNeeds.Operation.EMBED;
        }
        if (path.endsWith("/chat/completions") || path.endsWith("/completions") || path.equals("/api/chat")
                || path.equals("/api/generate") || path.endsWith("/v1/messages") || path.endsWith("/responses")) {
            return RequestNeeds.Operation.GENERATE;
        }
        return RequestNeeds.Operation.OTHER;
    }
}
