package dev.sluice.soak;

import java.util.Optional;
import java.util.Random;

/**
 * The request mix. Each kind knows its route, its body and how to tell a complete answer from a cut one; the
 * weights give a mostly-streaming mix, because streams are what a dying backend can break half-way.
 */
enum TrafficKind {

    OLLAMA_STREAM("ollama stream", 35, "/olla/ollama/api/chat") {
        @Override
        String body(String model) {
            return chat(model, true);
        }

        @Override
        Optional<Problem> check(BodyCheck check, String body) {
            return check.ollamaStream(body);
        }
    },
    OPENAI_STREAM("openai stream", 35, "/olla/openai/v1/chat/completions") {
        @Override
        String body(String model) {
            return chat(model, true);
        }

        @Override
        Optional<Problem> check(BodyCheck check, String body) {
            return check.openAiStream(body);
        }
    },
    CHAT("ollama chat (whole)", 20, "/olla/ollama/api/chat") {
        @Override
        String body(String model) {
            return chat(model, false);
        }

        @Override
        Optional<Problem> check(BodyCheck check, String body) {
            return check.ollamaChat(body);
        }
    },
    TAGS("ollama tags", 10, "/olla/ollama/api/tags") {
        @Override
        String body(String model) {
            return null;
        }

        @Override
        Optional<Problem> check(BodyCheck check, String body) {
            return check.tags(body);
        }
    };

    private static final int TOTAL_WEIGHT = 100;

    private final String label;
    private final int weight;
    private final String path;

    TrafficKind(String label, int weight, String path) {
        this.label = label;
        this.weight = weight;
        this.path = path;
    }

    /** The JSON request body, or null for a GET. */
    abstract String body(String model);

    /** Empty when the 2xx body is complete and says what the simulated backends say; else why not. */
    abstract Optional<Problem> check(BodyCheck check, String body);

    String label() {
        return label;
    }

    String path() {
        return path;
    }

    /** A kind drawn by weight; the caller owns the random source, so a seeded run repeats its mix. */
    static TrafficKind pick(Random random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (TrafficKind kind : values()) {
            ticket -= kind.weight;
            if (ticket < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("weights add up to less than " + TOTAL_WEIGHT);
    }

    private static String chat(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"tell me about foxes\"}]}";
    }
}
