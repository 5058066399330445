package dev.sluice.domain.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestPriorityTest {

    @Test
    void readsWordsAndBoundedNumbers() {
        assertThat(RequestPriority.parse("high")).isGreaterThan(RequestPriority.parse("normal"));
        assertThat(RequestPriority.parse("LOW")).isLessThan(RequestPriority.NORMAL);
        assertThat(RequestPriority.parse(" 7 ")).isEqualTo(7);
        assertThat(RequestPriority.parse("100000")).isEqualTo(100);
        assertThat(RequestPriority.parse("-100000")).isEqualTo(-100);
    }

    @Test
    void anythingElseIsNormal() {
        assertThat(RequestPriority.parse(null)).isZero();
        assertThat(RequestPriority.parse("")).isZero();
        assertThat(RequestPriority.parse("asap!!")).isZero();
    }
}
