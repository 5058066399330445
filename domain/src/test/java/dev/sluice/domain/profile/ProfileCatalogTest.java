package dev.sluice.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.TestFleet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProfileCatalogTest {

    private final Profile ollama = TestFleet.profile("ollama", "ollama");
    private final Profile lmStudio = TestFleet.profile("lm-studio", "lmstudio", "lm_studio");
    private final Profile openai = TestFleet.profile("openai-compatible", "openai", "openai-compatible");
    private final ProfileCatalog catalog = ProfileCatalog.of(List.of(ollama, lmStudio, openai));

    @Nested
    class ForType {

        @Test
        void findsAProfileByName_ignoringCase() {
            assertThat(catalog.forType("lm-studio")).contains(lmStudio);
            assertThat(catalog.forType("OLLAMA")).contains(ollama);
        }

        @Test
        void findsAProfileByPrefix() {
            assertThat(catalog.forType("lmstudio")).contains(lmStudio);
            assertThat(catalog.forType("openai")).contains(openai);
        }

        @Test
        void unknownTypeFindsNothing() {
            assertThat(catalog.forType("tgi")).isEmpty();
        }

        @Test
        void aProfileNameBeatsAnotherProfilesPrefix() {
            Profile greedy = TestFleet.profile("aaa-greedy", "ollama");

            assertThat(ProfileCatalog.of(List.of(greedy, ollama)).forType("ollama")).contains(ollama);
        }

        // Load order decides, not hash order: an unordered map would pick a different claimant in each JVM run.
        @Test
        void whenSeveralProfilesClaimOnePrefix_theFirstLoadedAnswers() {
            List<Profile> claimants = List.of(
                    TestFleet.profile("zeta-first", "shared"),
                    TestFleet.profile("alpha", "shared"),
                    TestFleet.profile("mid", "shared"),
                    TestFleet.profile("beta", "shared"),
                    TestFleet.profile("omega", "shared"),
                    TestFleet.profile("kappa", "shared"));

            assertThat(ProfileCatalog.of(claimants).forType("shared")).containsSame(claimants.get(0));
        }
    }

    @Nested
    class Overrides {

        @Test
        void aLaterProfileWithTheSameNameReplacesTheEarlier() {
            Profile custom = TestFleet.profile("Ollama", "ollama", "my-ollama");

            ProfileCatalog overridden = ProfileCatalog.of(List.of(ollama, lmStudio, custom));

            assertThat(overridden.forType("ollama")).containsSame(custom);
            assertThat(overridden.forType("my-ollama")).containsSame(custom);
            assertThat(overridden.all()).hasSize(2).doesNotContain(ollama);
        }

        @Test
        void theReplacedProfilesPrefixesNoLongerAnswer() {
            Profile builtIn = TestFleet.profile("vllm", "vllm", "vllm-legacy");
            Profile custom = TestFleet.profile("vllm", "vllm");

            assertThat(ProfileCatalog.of(List.of(builtIn, custom)).forType("vllm-legacy")).isEmpty();
        }
    }

    @Test
    void allIsSortedByName() {
        assertThat(catalog.all()).extracting(Profile::name).containsExactly("lm-studio", "ollama", "openai-compatible");
    }

    @Test
    void knownTypesListsNamesAndPrefixesOnce_sorted() {
        assertThat(catalog.knownTypes())
                .containsExactly("lm-studio", "lm_studio", "lmstudio", "ollama", "openai", "openai-compatible");
    }
}
