package dev.sluice.domain.pattern;

import dev.sluice.domain.pattern.ModelFilter;
import dev.sluice.domain.pattern.Glob;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelFilterTest {

    private static List<Glob> globs(String... patterns) {
        return Stream.of(patterns).map(Glob::new).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama3.2:3b", "nomic-embed-text", "Anything-At-All"})
    void emptyIncludeAndExcludeAllowsEveryModel(String name) {
        assertThat(ModelFilter.ALLOW_ALL.allows(name)).isTrue();
        assertThat(new ModelFilter(List.of(), List.of()).allows(name)).isTrue();
    }

    @Test
    void emptyIncludeAllowsAllButTheExcluded() {
        ModelFilter noEmbeddings = new ModelFilter(List.of(), globs("*embed*"));

        assertThat(noEmbeddings.allows("llama3.2:3b")).isTrue();
        assertThat(noEmbeddings.allows("nomic-embed-text")).isFalse();
    }

    @Test
    void includeKeepsOnlyMatchingModels() {
        ModelFilter onlyLlamaAndQwen = new ModelFilter(globs("llama*", "qwen*"), List.of());

        assertThat(onlyLlamaAndQwen.allows("llama3.2:3b")).isTrue();
        assertThat(onlyLlamaAndQwen.allows("qwen2.5-coder:7b")).isTrue();
        assertThat(onlyLlamaAndQwen.allows("mistral:7b")).isFalse();
    }

    @Test
    void excludeWinsOverInclude() {
        ModelFilter filter = new ModelFilter(globs("llama*"), globs("*:70b"));

        assertThat(filter.allows("llama3.1:8b")).isTrue();
        assertThat(filter.allows("llama3.1:70b")).isFalse();
    }

    @Test
    void matchesIgnoringCase() {
        ModelFilter filter = new ModelFilter(globs("LLAMA*"), globs("*INSTRUCT*"));

        assertThat(filter.allows("llama3")).isTrue();
        assertThat(filter.allows("Llama3-instruct")).isFalse();
    }

    @Test
    void copiesItsPatternLists() {
        List<Glob> include = new java.util.ArrayList<>(globs("llama*"));
        ModelFilter filter = new ModelFilter(include, List.of());

        include.add(new Glob("qwen*"));

        assertThat(filter.allows("qwen2")).isFalse();
    }
}
