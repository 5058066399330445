package dev.sluice.adapters.http.in.proxy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A buffered request body and what routing reads from it: the model. Parsed once with Jackson's streaming parser,
 * which also gives the byte offsets of the model's value so an alias can be rewritten without touching any other
 * byte of what the client sent.
 *
 * @param bytes      the body as received
 * @param model      the top-level model field's value, exactly as written
 * @param modelStart byte offset of the model value's opening quote, -1 when absent
 * @param modelEnd   byte offset just past its closing quote
 * @param conversationStart byte offset where the {@code messages} (or {@code prompt}) value starts, -1 when absent:
 *                          sticky sessions hash its first bytes to recognise a conversation
 */
record RequestBody(byte[] bytes, Optional<String> model, long modelStart, long modelEnd, int conversationStart) {

    static final RequestBody EMPTY = new RequestBody(new byte[0], Optional.empty(), -1, -1, -1);
    private static final JsonFactory JSON = new JsonFactory();

    /** Thrown for a body that claims to be JSON and is not. */
    static final class MalformedJson extends Exception {
        MalformedJson(String message) {
            super(message);
        }
    }

    /**
     * @param contentType the request's Content-Type, may be null
     * @param modelFields top-level field names that may hold the model, in order of preference
     */
    static RequestBody inspect(byte[] bytes, String contentType, List<String> modelFields) throws MalformedJson {
        boolean declaredJson = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
        if (bytes.length == 0 || !declaredJson && !startsLikeJson(bytes, contentType)) {
            return new RequestBody(bytes, Optional.empty(), -1, -1, -1);
        }
        try {
            return parse(bytes, modelFields);
        } catch (MalformedJson e) {
            if (declaredJson) {
                throw e;
            }
            // Not declared as JSON (curl -d sends a form type): forward it untouched rather than refuse it.
            return new RequestBody(bytes, Optional.empty(), -1, -1, -1);
        }
    }

    private static RequestBody parse(byte[] bytes, List<String> modelFields) throws MalformedJson {
        String found = null;
        int foundRank = Integer.MAX_VALUE;
        long start = -1;
        long end = -1;
        int conversation = -1;
        boolean conversationIsMessages = false;
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                // Valid JSON that is not an object (a batch array, a string) carries no routable model.
                while (parser.nextToken() != null) {
                    // Still read it all: malformed input must not be forwarded.
                }
                return new RequestBody(bytes, Optional.empty(), -1, -1, -1);
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT && token != null) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("messages".equals(field) || "prompt".equals(field) && !conversationIsMessages) {
                    conversation = (int) parser.currentTokenLocation().getByteOffset();
                    conversationIsMessages = "messages".equals(field);
                }
                int rank = rank(field, modelFields);
                if (value == JsonToken.VALUE_STRING && rank < foundRank) {
                    found = parser.getText();
                    foundRank = rank;
                    start = parser.currentTokenLocation().getByteOffset();
                    end = parser.currentLocation().getByteOffset();
                } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new MalformedJson("unexpected content after the JSON object");
            }
        } catch (IOException e) {
            throw new MalformedJson(e.getMessage() == null ? "malformed JSON" : e.getMessage().lines().findFirst().orElse(""));
        }
        Optional<String> model = Optional.ofNullable(found).map(String::trim).filter(m -> !m.isEmpty());
        return new RequestBody(bytes, model, model.isPresent() ? start : -1, model.isPresent() ? end : -1, conversation);
    }

    private static int rank(String field, List<String> modelFields) {
        for (int i = 0; i < modelFields.size(); i++) {
            if (modelFields.get(i).equalsIgnoreCase(field)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    // Many clients (curl -d, older SDKs) send JSON with a form or no content type; multipart never is JSON.
    private static boolean startsLikeJson(byte[] bytes, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return false;
        }
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** The body with the model's value replaced, every other byte untouched. */
    byte[] withModel(String newModel) {
        if (modelStart < 0) {
            return bytes;
        }
        String quoted = new String(JsonStrings.quote(newModel), StandardCharsets.UTF_8);
        byte[] replacement = quoted.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[(int) (bytes.length - (modelEnd - modelStart) + replacement.length)];
        System.arraycopy(bytes, 0, out, 0, (int) modelStart);
        System.arraycopy(replacement, 0, out, (int) modelStart, replacement.length);
        System.arraycopy(bytes, (int) modelEnd, out, (int) modelStart + replacement.length, (int) (bytes.length - modelEnd));
        return out;
    }
}
