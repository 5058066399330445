package dev.sluice.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses a model's facts from its name. Real names carry most of them ({@code qwen2.5-coder:7b},
 * {@code Llama-3.2-3B-Instruct-Q4_K_M.gguf}), so parsing them gives simulated models that look plausible to the
 * proxy's own name-based classification without every test spelling them out.
 */
final class ModelNameFacts {

    /** {@code 7b}, {@code 0.5B}, {@code 360M}; not followed by a letter, so {@code 3bit} is no size. */
    private static final Pattern PARAMETERS = Pattern.compile("(\\d+(?:\\.\\d+)?)([bBmM])(?![a-zA-Z])");
    private static final Pattern QUANTIZATION =
            Pattern.compile("(?i)(?<![a-z0-9])(iq\\d_[a-z0-9_]+|q\\d(?:_[a-z0-9]+)*|bf16|f16|f32)(?![a-z0-9])");
    private static final String DEFAULT_PARAMETERS = "7B";
    private static final String DEFAULT_QUANTIZATION = "Q4_K_M";

    /** Name prefix -> the family Ollama reports (the GGUF architecture), checked in order. */
    private static final Map<String, String> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("nomic-embed", "nomic-bert");
        FAMILIES.put("text-embedding-nomic", "nomic-bert");
        FAMILIES.put("mxbai-embed", "bert");
        FAMILIES.put("qwen3", "qwen3");
        FAMILIES.put("qwen", "qwen2");
        FAMILIES.put("gemma3", "gemma3");
        FAMILIES.put("gemma2", "gemma2");
        FAMILIES.put("gemma", "gemma");
        FAMILIES.put("phi", "phi3");
        FAMILIES.put("deepseek", "qwen2");
        FAMILIES.put("mistral", "llama");
        FAMILIES.put("smollm", "llama");
        FAMILIES.put("llama", "llama");
        FAMILIES.put("gpt", "gpt");
        FAMILIES.put("claude", "claude");
    }

    private ModelNameFacts() {
    }

    static String sha256Hex(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM must provide SHA-256", e);
        }
    }

    static String parameterSize(String name) {
        Matcher matcher = PARAMETERS.matcher(baseName(name));
        return matcher.find() ? matcher.group(1) + matcher.group(2).toUpperCase(Locale.ROOT) : DEFAULT_PARAMETERS;
    }

    static String quantization(String name) {
        Matcher matcher = QUANTIZATION.matcher(name);
        return matcher.find() ? matcher.group(1).toUpperCase(Locale.ROOT) : DEFAULT_QUANTIZATION;
    }

    static String family(String name) {
        String base = baseName(name).toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> entry : FAMILIES.entrySet()) {
            if (base.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        // Unknown names still get a family: the leading letters are what a human would call it.
        String letters = base.replaceFirst("[^a-z].*$", "");
        return letters.isEmpty() ? "unknown" : letters;
    }

    static String type(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("embed")) {
            return "embeddings";
        }
        if (lower.contains("-vl") || lower.contains("vision") || lower.contains("llava")) {
            return "vlm";
        }
        return "llm";
    }

    /** Parameters times bits per weight: close enough for sizes a status page shows. */
    static long estimatedSizeBytes(String parameterSize, String quantization) {
        double count = Double.parseDouble(parameterSize.substring(0, parameterSize.length() - 1));
        double scale = parameterSize.endsWith("M") ? 1e6 : 1e9;
        return (long) (count * scale * bitsPerWeight(quantization) / 8);
    }

    /** {@code 3B} -> 3,000,000,000; {@code 360M} -> 360,000,000. */
    static long parameterCount(String parameterSize) {
        double count = Double.parseDouble(parameterSize.substring(0, parameterSize.length() - 1));
        return (long) (count * (parameterSize.endsWith("M") ? 1e6 : 1e9));
    }

    /** The part after a publisher prefix: {@code ai/smollm2:360M} -> {@code smollm2:360M}. */
    static String baseName(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    /** The publisher prefix, or the given fallback when the name has none. */
    static String publisher(String name, String fallback) {
        int slash = name.indexOf('/');
        return slash <= 0 ? fallback : name.substring(0, slash);
    }

    private static double bitsPerWeight(String quantization) {
        String q = quantization.toUpperCase(Locale.ROOT);
        if (q.equals("F32")) {
            return 32;
        }
        if (q.equals("F16") || q.equals("BF16")) {
            return 16;
        }
        if (q.startsWith("Q8")) {
            return 8.5;
        }
        if (q.startsWith("Q6")) {
            return 6.6;
        }
        if (q.startsWith("Q5")) {
            return 5.7;
        }
        return 4.85;
    }
}
