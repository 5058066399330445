package dev.sluice.profiles;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltInProfilesTest {

    private static final String DIRECTORY = "dev/sluice/profiles/";

    // The top-level "name:" key; nested keys are indented and never match.
    private static final Pattern NAME_LINE = Pattern.compile("^name:\\s*\"?([^\"#\\s]+)\"?\\s*(?:#.*)?$");

    static List<String> profiles() {
        return BuiltInProfiles.resourceNames();
    }

    @Test
    void indexNamesTheTwelveShippedPlatformsAndTheSevenHostedApis() {
        assertThat(BuiltInProfiles.resourceNames())
                .extracting(BuiltInProfilesTest::fileName)
                .containsExactlyInAnyOrder(
                        "ollama.yaml", "lm-studio.yaml", "openai-compatible.yaml", "vllm.yaml",
                        "vllm-mlx.yaml", "sglang.yaml", "llamacpp.yaml", "lemonade.yaml",
                        "litellm.yaml", "lmdeploy.yaml", "docker-model-runner.yaml", "omlx.yaml",
                        "openai-api.yaml", "anthropic.yaml", "gemini.yaml", "azure-openai.yaml", "openrouter.yaml",
                        "groq.yaml", "bedrock.yaml");
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void everyIndexedProfileIsOnTheClasspathAndNotEmpty(String resource) {
        assertThat(read(resource)).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void eachProfileIsNamedAfterItsFile(String resource) {
        String expected = fileName(resource).replaceFirst("\\.yaml$", "");

        List<String> names = read(resource).lines()
                .map(NAME_LINE::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .collect(Collectors.toList());

        assertThat(names).as("top-level name: lines in %s", resource).containsExactly(expected);
    }

    @Test
    void everyProfileFileBesideTheIndexIsListedInIt() throws IOException, URISyntaxException {
        URL index = getClass().getClassLoader().getResource(DIRECTORY + "index.txt");
        assertThat(index).isNotNull();
        // Tests run against target/classes, a plain directory, so it can be listed here.
        Path directory = Path.of(index.toURI()).getParent();

        List<String> onDisk;
        try (Stream<Path> files = Files.list(directory)) {
            onDisk = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml"))
                    .filter(name -> !name.equals(fileName(BuiltInProfiles.modelsRulesResource())))
                    .collect(Collectors.toList());
        }

        assertThat(BuiltInProfiles.resourceNames())
                .extracting(BuiltInProfilesTest::fileName)
                .containsExactlyInAnyOrderElementsOf(onDisk);
    }

    @Test
    void resourceNamesAreClasspathPathsInsideTheProfilesDirectory() {
        assertThat(BuiltInProfiles.resourceNames())
                .allSatisfy(name -> assertThat(name).startsWith(DIRECTORY).endsWith(".yaml"));
    }

    @Test
    void modelRulesAreShippedBesideTheProfiles() {
        assertThat(BuiltInProfiles.modelsRulesResource()).isEqualTo(DIRECTORY + "models.yaml");
        assertThat(read(BuiltInProfiles.modelsRulesResource())).contains("family_patterns:");
    }

    @Test
    void openingAnUnknownResourceFailsWithItsName() {
        assertThatThrownBy(() -> BuiltInProfiles.open(DIRECTORY + "nope.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.yaml");
    }

    static String read(String resource) {
        try (InputStream in = BuiltInProfiles.open(resource)) {
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
