package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import dev.sluice.adapters.config.schema.LoggingConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The request line's fields survive both log formats: JSON members, or key=value after the text message. */
class LoggingSetupTest {

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private String logARequestLine(String format) {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggingSetup.apply(new LoggingConfig("info", format, "stdout"), Map.of("OLLA_LOGGING_FORMAT", format), false);
        LoggerFactory.getLogger("dev.sluice.request").atInfo().addKeyValue("model", "llama3.2:3b")
                .addKeyValue("output_tokens", 42L).log("request completed");
        return captured.toString(StandardCharsets.UTF_8);
    }

    @AfterEach
    void restore() throws Exception {
        System.setOut(original);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void jsonLinesCarryTheFieldsAsMembers() {
        String line = logARequestLine("json");
        assertThat(line).contains("\"request completed\"").contains("\"model\"").contains("llama3.2:3b")
                .contains("\"output_tokens\"").contains("42");
    }

    @Test
    void textLinesCarryTheFieldsAsKeyValuePairs() {
        String line = logARequestLine("text");
        assertThat(line).contains("request completed").contains("model=\"llama3.2:3b\"").contains("output_tokens=\"42\"");
    }
}
