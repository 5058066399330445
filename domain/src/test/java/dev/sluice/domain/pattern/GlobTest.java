package dev.sluice.domain.pattern;

import dev.sluice.domain.pattern.Glob;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource({
            // star: any run, including none
            "*,              anything,               true",
            "*,              '',                     true",
            "llama*,         llama3.2:3b,            true",
            "llama*,         llama,                  true",
            "llama*,         codellama:7b,           false",
            "*embed*,        nomic-embed-text,       true",
            "*embed*,        embed,                  true",
            "*embed*,        llama3,                 false",
            "*:7b,           qwen2.5-coder:7b,       true",
            "*:7b,           qwen2.5-coder:70b,      false",
            "a*b*c,          axxbyyc,                true",
            "a*b*c,          axxbyy,                 false",
            "*b,             abab,                   true",
            "**,             x,                      true",
            // question mark: exactly one character
            "llama3.?,       llama3.2,               true",
            "llama3.?,       llama3.,                false",
            "llama3.?,       llama3.22,              false",
            "?,              '',                     false",
            "???,            abc,                    true",
            // literal, case-insensitive
            "Llama3.2:3B,    llama3.2:3b,            true",
            "llama3.2:3b,    LLAMA3.2:3B,            true",
            "*CODER*,        qwen2.5-coder:7b,       true",
            "llama3.2,       llama3x2,               false",
            "'',             '',                     true",
            "'',             a,                      false",
            "abc,            ab,                     false",
            "ab,             abc,                    false",
    })
    void matchesShellStyle_caseInsensitively(String pattern, String text, boolean expected) {
        assertThat(new Glob(pattern).matches(text)).isEqualTo(expected);
    }
}
