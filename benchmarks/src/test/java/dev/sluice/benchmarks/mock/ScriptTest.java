package dev.sluice.benchmarks.mock;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

class ScriptTest {

    private final Script defaults = new Script(5, 5, 0, 0);

    @Test
    void headersOverrideTheDefaultsOneByOne() {
        HttpFields headers = HttpFields.build().put(Script.CHUNKS, "200").put(Script.DELAY, "10");

        assertThat(defaults.overriddenBy(headers)).isEqualTo(new Script(200, 5, 10, 0));
    }

    @Test
    void malformedHeadersKeepTheDefault() {
        HttpFields headers = HttpFields.build().put(Script.CHUNKS, "many").put(Script.TTFT, " 7 ");

        assertThat(defaults.overriddenBy(headers)).isEqualTo(new Script(5, 5, 0, 7));
    }

    @Test
    void framesFollowTheWireFormats() {
        Frames frames = Frames.of(3);

        assertThat(new String(frames.sseContent)).startsWith("data: {").endsWith("}\n\n").contains("\"content\":\"xxx\"");
        assertThat(new String(frames.sseDone)).isEqualTo("data: [DONE]\n\n");
        assertThat(new String(frames.ndjsonContent)).endsWith("\"done\":false}\n");
        assertThat(Frames.OPENAI_ANSWER.length).isBetween(330, 370);
    }
}
