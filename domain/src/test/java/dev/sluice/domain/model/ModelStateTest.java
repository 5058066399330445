package dev.sluice.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelStateTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
            "loaded,        LOADED",
            "LOADED,        LOADED",
            "'  loaded  ',  LOADED",
            "not-loaded,    NOT_LOADED",
            "not_loaded,    NOT_LOADED",
            "Not_Loaded,    NOT_LOADED",
            "available,     AVAILABLE",
            "unknown,       UNKNOWN",
    })
    void readsPlatformStateWordsLeniently(String text, ModelState expected) {
        assertThat(ModelState.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "running", "notloaded", "load"})
    void anythingElseIsUnknown(String text) {
        assertThat(ModelState.parse(text)).isEqualTo(ModelState.UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(ModelState.class)
    void parsesItsOwnWireName(ModelState state) {
        assertThat(ModelState.parse(state.wireName())).isEqualTo(state);
    }
}
