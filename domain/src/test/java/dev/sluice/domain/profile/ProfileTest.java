package dev.sluice.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.domain.TestFleet;
import dev.sluice.domain.pattern.Glob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileTest {

    @Nested
    class AnswersTo {

        private final Profile lmStudio = TestFleet.profile("lm-studio", "lmstudio", "lm_studio");

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "lm-studio, true",
                "LM-Studio, true",
                "lmstudio,  true",
                "LMSTUDIO,  true",
                "lm_studio, true",
                "ollama,    false",
                "lm,        false",
                "lm-studio2, false",
        })
        void itsNameOrAnyPrefix_ignoringCase(String type, boolean expected) {
            assertThat(lmStudio.answersTo(type)).isEqualTo(expected);
        }
    }

    @Nested
    class CapabilitiesOf {

        private final Profile profile = TestFleet.profile("ollama", List.of("ollama"), Map.of(
                "vision", List.of(new Glob("*llava*"), new Glob("*-vl*")),
                "embeddings", List.of(new Glob("*embed*")),
                "code", List.of(new Glob("*coder*"))), List.of());

        @Test
        void listsEveryCapabilityWithAMatchingPattern_sorted() {
            assertThat(profile.capabilitiesOf("llava-coder-embed")).containsExactly("code", "embeddings", "vision");
        }

        @Test
        void anyOneOfACapabilitysPatternsSuffices() {
            assertThat(profile.capabilitiesOf("qwen2.5-vl:7b")).containsExactly("vision");
            assertThat(profile.capabilitiesOf("LLaVA:13b")).containsExactly("vision");
        }

        @Test
        void noMatchIsNoCapability() {
            assertThat(profile.capabilitiesOf("mistral:7b")).isEmpty();
        }
    }

    @Nested
    class ContextLengthOf {

        private final Profile profile = TestFleet.profile("ollama", List.of(), Map.of(), List.of(
                new ContextPattern(new Glob("llama3.1*"), 131_072),
                new ContextPattern(new Glob("llama*"), 8_192)));

        @Test
        void theFirstMatchingPatternWins() {
            assertThat(profile.contextLengthOf("llama3.1:8b")).isEqualTo(131_072);
            assertThat(profile.contextLengthOf("Llama3:8b")).isEqualTo(8_192);
        }

        @Test
        void theFirstMatchingPatternWinsEvenWhenALaterOneSaysMore() {
            Profile catchAllFirst = TestFleet.profile("ollama", List.of(), Map.of(), List.of(
                    new ContextPattern(new Glob("*"), 4_096),
                    new ContextPattern(new Glob("llama3.1*"), 131_072)));

            assertThat(catchAllFirst.contextLengthOf("llama3.1:8b")).isEqualTo(4_096);
        }

        @Test
        void isZeroWhenNoPatternSays() {
            assertThat(profile.contextLengthOf("mistral:7b")).isZero();
        }

        @Test
        void aContextPatternMustImplyAPositiveLength() {
            assertThatThrownBy(() -> new ContextPattern(new Glob("*"), 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rejectsABlankName() {
        assertThatThrownBy(() -> TestFleet.profile(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
