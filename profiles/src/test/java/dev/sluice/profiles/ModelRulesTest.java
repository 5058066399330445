package dev.sluice.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the regexes in models.yaml without a YAML library (this module has none): the
 * {@code pattern:} lines are picked out as text and unquoted by hand.
 */
class ModelRulesTest {

    private static final Pattern PATTERN_LINE = Pattern.compile("^\\s*(?:-\\s+)?pattern:\\s*(.+?)\\s*$");

    private static final String RULES = BuiltInProfilesTest.read(BuiltInProfiles.modelsRulesResource());

    /** Every {@code pattern:} in the file: family patterns and capability name patterns. */
    private static final List<String> PATTERNS = patterns(RULES);

    /** Only the family patterns, in file order. */
    private static final List<String> FAMILY_PATTERNS =
            patterns(RULES.substring(RULES.indexOf("family_patterns:"), RULES.indexOf("architecture_mappings:")));

    @Test
    void everyRegexCompilesWithJavaUtilRegex() {
        assertThat(PATTERNS).hasSizeGreaterThan(10);
        assertThat(PATTERNS).allSatisfy(regex ->
                assertThatCode(() -> Pattern.compile(regex)).as(regex).doesNotThrowAnyException());
    }

    // Every family pattern uses group 1 for the family and group 2 for the variant,
    // and the first pattern that finds a match wins; the name is lower-cased first.
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "llama3.1:8b,                               llama,     3.1",
        "meta-llama/Meta-Llama-3.1-8B-Instruct,     llama,     3.1",
        "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF, llama,    3.2",
        "llama-70b,                                 llama,     -",
        "codellama:13b-instruct,                    codellama, 13b",
        "gemma-7b,                                  gemma,     -",
        "gemma3:27b,                                gemma,     3",
        "Qwen/Qwen2.5-7B-Instruct,                  qwen,      2.5",
        "phi-3.5-mini-instruct,                     phi,       3.5",
        "mixtral-8x7b-instruct,                     mixtral,   8x7b",
        "mistral-nemo,                              mistral,   nemo",
        "devstral:24b,                              devstral,  -",
        "deepseek-r1:7b,                            deepseek,  r1",
        "gpt-oss:20b,                               gpt-oss,   20b",
        "granite3.3:8b,                             granite,   3.3",
        "zai-org/GLM-4.5-Air,                       glm,       4.5",
        "starcoder2:3b,                             starcoder, 2",
        "yi-1.5-34b,                                yi,        1.5",
        "falcon3:7b,                                falcon,    3",
        "command-r-plus,                            command-r, plus",
        "ai/smollm2,                                smollm,    2",
        "nemotron-mini,                             nemotron,  -",
    })
    void familyPatternsRecogniseCommonModelNames(String model, String family, String variant) {
        String name = model.toLowerCase(Locale.ROOT);
        Matcher first = FAMILY_PATTERNS.stream()
                .map(regex -> Pattern.compile(regex).matcher(name))
                .filter(Matcher::find)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no pattern matches " + model));

        assertThat(first.group(1)).isEqualTo(family);
        assertThat(first.group(2)).isEqualTo(variant);
    }

    @Test
    void aFamilyNameInsideALongerWordIsNotAMatch() {
        assertThat(FAMILY_PATTERNS)
                .hasSizeGreaterThan(5)
                .noneMatch(regex -> Pattern.compile(regex).matcher("phind-codellama:34b").find());
    }

    private static List<String> patterns(String yaml) {
        List<String> found = new ArrayList<>();
        for (String line : yaml.split("\n")) {
            Matcher m = PATTERN_LINE.matcher(line);
            if (m.matches()) {
                found.add(unquote(m.group(1)));
            }
        }
        return found;
    }

    /** Undoes YAML scalar quoting: '' inside single quotes, backslash escapes inside double quotes. */
    private static String unquote(String scalar) {
        if (scalar.startsWith("'")) {
            return scalar.substring(1, scalar.lastIndexOf('\'')).replace("''", "'");
        }
        if (scalar.startsWith("\"")) {
            String body = scalar.substring(1, scalar.lastIndexOf('"'));
            StringBuilder out = new StringBuilder(body.length());
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '\\' && i + 1 < body.length()) {
                    c = body.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        int comment = scalar.indexOf(" #");
        return comment < 0 ? scalar : scalar.substring(0, comment).strip();
    }
}
