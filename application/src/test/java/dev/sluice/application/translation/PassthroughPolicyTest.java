package dev.sluice.application.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.conversation.Features;
import dev.sluice.domain.profile.AnthropicSupport;
import dev.sluice.domain.profile.MetricsExtraction;
import dev.sluice.domain.profile.PlatformCharacteristics;
import dev.sluice.domain.profile.Profile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PassthroughPolicyTest {

    private static Profile profile(boolean anthropic, String limitation) {
        return new Profile("p", "p", "", List.of("p"), true, List.of(), "/v1/models", "/health",
                new AnthropicSupport(anthropic, "/v1/messages", false, "",
                        limitation.isEmpty() ? List.of() : List.of(limitation)),
                PlatformCharacteristics.DEFAULTS, Map.of(), List.of(), List.of("model"), "openai", MetricsExtraction.NONE);
    }

    @ParameterizedTest(name = "native={0} limitation={1} tools={2} thinking={3} vision={4} enabled={5} -> {6}/{7}")
    @CsvSource({
        "true,,true,true,true,true,PASSTHROUGH,NONE",
        "false,,false,false,false,true,TRANSLATION,NO_COMPATIBLE_ENDPOINTS",
        "true,,false,false,false,false,TRANSLATION,PASSTHROUGH_DISABLED",
        "true,no_tool_use,true,false,false,true,TRANSLATION,CANNOT_PASSTHROUGH",
        "true,no_tool_use,false,true,true,true,PASSTHROUGH,NONE",
        "true,no_extended_thinking,false,true,false,true,TRANSLATION,CANNOT_PASSTHROUGH",
        "true,no_vision,false,false,true,true,TRANSLATION,CANNOT_PASSTHROUGH",
        "true,token_counting_404,true,true,true,true,PASSTHROUGH,NONE"})
    void choosesPassthroughOnlyWhenThePlatformCanServeEveryFeature(boolean anthropic, String limitation,
            boolean tools, boolean thinking, boolean vision, boolean enabled, BackendMode mode, Fallback fallback) {
        ModeChoice choice = new PassthroughPolicy(enabled).choose(profile(anthropic, limitation == null ? "" : limitation),
                new Features(tools, thinking, vision));
        assertThat(choice).isEqualTo(new ModeChoice(mode, fallback));
    }
}
