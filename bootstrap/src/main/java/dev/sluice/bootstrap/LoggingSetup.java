package dev.sluice.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import dev.sluice.adapters.config.schema.LoggingConfig;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code logging.level/format/output} to logback. JSON or text; stdout, or stdout plus rotated files in
 * {@code $OLLA_LOG_DIR} (default {@code ./logs}). A terminal gets text unless a format was forced by
 * {@code OLLA_LOGGING_FORMAT}, as Olla does: JSON is for machines, people read text.
 */
final class LoggingSetup {

    private LoggingSetup() {
    }

    static void apply(LoggingConfig logging, Map<String, String> env, boolean interactive) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(level(logging.level()));
        // Jetty is chatty at debug; keep it at info unless the operator asks for debug explicitly.
        context.getLogger("org.eclipse.jetty").setLevel(root.getLevel().isGreaterOrEqual(Level.INFO) ? Level.WARN : Level.INFO);
        boolean forced = env.containsKey("OLLA_LOGGING_FORMAT");
        boolean json = logging.format().equalsIgnoreCase("json") && (forced || !interactive);

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        start(context, console, "console", encoder(context, json));
        root.addAppender(console);

        if (logging.output().equalsIgnoreCase("file")) {
            String dir = env.getOrDefault("OLLA_LOG_DIR", "logs");
            RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
            file.setContext(context);
            file.setFile(dir + "/sluice.log");
            SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
            policy.setContext(context);
            policy.setParent(file);
            policy.setFileNamePattern(dir + "/sluice.%d{yyyy-MM-dd}.%i.log.gz");
            policy.setMaxFileSize(FileSize.valueOf(env.getOrDefault("OLLA_LOG_SIZE_MB", "100") + "MB"));
            policy.setMaxHistory(Integer.parseInt(env.getOrDefault("OLLA_LOG_MAX_AGE_DAYS", "14")));
            policy.start();
            file.setRollingPolicy(policy);
            start(context, file, "file", encoder(context, true));
            root.addAppender(file);
        }
    }

    private static void start(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, String name,
                              Encoder<ILoggingEvent> encoder) {
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
        if (json) {
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(context);
            // One flat line per event with the message already formatted: what log shippers index best.
            encoder.setWithSequenceNumber(false);
            encoder.setWithNanoseconds(false);
            encoder.setWithContext(false);
            encoder.setWithMDC(false);
            // Key-value pairs carry the request line's fields (model, endpoint, tokens ...) as JSON members.
            encoder.setWithKVPList(true);
            encoder.setWithMarkers(false);
            encoder.setWithMessage(false);
            encoder.setWithArguments(false);
            encoder.setWithFormattedMessage(true);
            encoder.start();
            return encoder;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg %kvp%n%ex{short}");
        encoder.start();
        return encoder;
    }

    private static Level level(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "debug" -> Level.DEBUG;
            case "warn" -> Level.WARN;
            case "error" -> Level.ERROR;
            default -> Level.INFO;
        };
    }
}
