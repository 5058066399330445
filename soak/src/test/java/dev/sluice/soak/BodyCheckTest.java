package dev.sluice.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BodyCheckTest {

    private final BodyCheck check = new BodyCheck(new ObjectMapper(), "m", "The quick");

    @Test
    void aWholeOllamaStreamPasses() {
        String body = "{\"message\":{\"content\":\"The\"},\"done\":false}\n"
                + "{\"message\":{\"content\":\" quick\"},\"done\":false}\n"
                + "{\"message\":{\"content\":\"\"},\"done\":true}\n";

        assertThat(check.ollamaStream(body)).isEmpty();
    }

    @Test
    void anOllamaStreamWithoutItsDoneLineIsTruncated() {
        String body = "{\"message\":{\"content\":\"The\"},\"done\":false}\n";

        assertThat(check.ollamaStream(body)).get().extracting(Problem::kind).isEqualTo(FailureKind.TRUNCATED);
    }

    @Test
    void anOpenAiStreamWithoutDoneIsTruncated() {
        String body = "data: {\"choices\":[{\"delta\":{\"content\":\"The\"}}]}\n\n";

        assertThat(check.openAiStream(body)).get().extracting(Problem::kind).isEqualTo(FailureKind.TRUNCATED);
        assertThat(check.openAiStream(body + "data: {\"choices\":[{\"delta\":{\"content\":\" quick\"}}]}\n\n"
                + "data: [DONE]\n\n")).isEmpty();
    }

    @Test
    void aCompleteStreamWithOtherTextIsAWrongBody() {
        String body = "data: {\"choices\":[{\"delta\":{\"content\":\"The The\"}}]}\n\ndata: [DONE]\n\n";

        assertThat(check.openAiStream(body)).get().extracting(Problem::kind).isEqualTo(FailureKind.BAD_BODY);
    }

    @Test
    void tagsMustListTheModel() {
        assertThat(check.tags("{\"models\":[{\"name\":\"m\"}]}")).isEmpty();
        assertThat(check.tags("{\"models\":[]}")).get().extracting(Problem::kind).isEqualTo(FailureKind.BAD_BODY);
    }
}
