package dev.sluice.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private static Conversation of(List<Message> messages, List<ToolDefinition> tools, OptionalInt thinking) {
        return new Conversation("m", List.of(new TextPart("sys")), messages, tools, Optional.empty(),
                new Sampling(10, OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), List.of()),
                false, Optional.empty(), thinking);
    }

    @Test
    void plainText_needsNothingBeyondText() {
        Conversation c = of(List.of(new Message(Role.USER, List.of(new TextPart("hello")))), List.of(), OptionalInt.empty());
        assertThat(c.features()).isEqualTo(new Features(false, false, false));
    }

    @Test
    void imagesInsideToolResults_countAsVision_andToolHistoryAsToolUse() {
        Conversation c = of(List.of(new Message(Role.USER, List.of(new ToolResultPart("t1",
                List.of(ImagePart.at("https://x/y.png")), false)))), List.of(), OptionalInt.of(1024));
        assertThat(c.features()).isEqualTo(new Features(true, true, true));
    }

    @Test
    void estimate_isFourCharactersAToken_roundedUp_overSystemMessagesAndTools() {
        Conversation c = of(List.of(new Message(Role.USER, List.of(new TextPart("12345")))),
                List.of(new ToolDefinition("ab", "", "{}")), OptionalInt.empty());
        // 3 (system) + 5 (text) + 2 + 0 + 2 (tool) = 12 characters
        assertThat(c.estimatedInputTokens()).isEqualTo(3);
        assertThat(c.withModel("other").model()).isEqualTo("other");
    }

    @Test
    void stopReasons_fromOpenAi_preferToolUseWhenToolsWereCalled() {
        assertThat(StopReason.fromOpenAi("stop", true)).isEqualTo(StopReason.TOOL_USE);
        assertThat(StopReason.fromOpenAi("length", false)).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(StopReason.fromOpenAi(null, false)).isEqualTo(StopReason.END_TURN);
        assertThat(StopReason.MAX_TOKENS.wireName()).isEqualTo("max_tokens");
    }

    @Test
    void anImageHasEitherDataOrAUrl() {
        assertThatThrownBy(() -> new ImagePart("image/png", Optional.of("x"), Optional.of("y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ToolResultPart("t", List.of(new TextPart("a"), ImagePart.at("u"), new TextPart("b")), false).text())
                .isEqualTo("a\nb");
    }
}
