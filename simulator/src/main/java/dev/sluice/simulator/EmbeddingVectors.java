package dev.sluice.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Simulated embeddings: small unit-length vectors derived from the SHA-256 of model and text, so the same input
 * always embeds the same way, different inputs (or models) differently, and a test can recompute what a proxy
 * should have relayed. Unit length because Ollama's {@code /api/embed} normalises, and clients that compute
 * cosine similarity by dot product rely on it.
 */
final class EmbeddingVectors {

    /** Eight dimensions: enough to tell inputs apart, small enough to read in a failing assertion. */
    static final int DIMENSIONS = 8;

    private EmbeddingVectors() {
    }

    static float[] of(String model, String text) {
        byte[] hash = HexFormat.of().parseHex(ModelNameFacts.sha256Hex(model + "\n" + text));
        float[] vector = new float[DIMENSIONS];
        double squares = 0;
        for (int i = 0; i < DIMENSIONS; i++) {
            // Two hash bytes per dimension, centred on zero, so components are spread over (-1, 1).
            int raw = ((hash[2 * i] & 0xff) << 8) | (hash[2 * i + 1] & 0xff);
            vector[i] = (raw - 32_767.5f) / 32_768f;
            squares += vector[i] * vector[i];
        }
        float norm = (float) Math.sqrt(squares);
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] /= norm;
        }
        return vector;
    }

    /** OpenAI's {@code encoding_format: "base64"}: little-endian float32s, which the OpenAI SDKs ask for. */
    static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float component : vector) {
            bytes.putFloat(component);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** The texts of an {@code input}: one string or a list of them (token-id lists are embedded as their JSON). */
    static List<String> inputs(JsonNode input) {
        List<String> texts = new ArrayList<>();
        if (input.isArray()) {
            input.forEach(item -> texts.add(item.isTextual() ? item.asText() : item.toString()));
        } else if (!input.isMissingNode() && !input.isNull()) {
            texts.add(input.isTextual() ? input.asText() : input.toString());
        }
        return texts;
    }
}
