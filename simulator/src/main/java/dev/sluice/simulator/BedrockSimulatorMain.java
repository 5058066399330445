package dev.sluice.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar simulator.jar bedrock [--port 8090] [--region us-east-1]
 * [--access-key-id AKID] [--models a,b] [--chunks N] [--chunk-delay-ms MS]}: a simulated Bedrock (model list,
 * Converse, ConverseStream) in the foreground until Ctrl-C, for trying a {@code bedrock} endpoint without an AWS
 * account. Requests must be SigV4-signed for that access key and region (any secret: the shape is checked).
 * Exit codes: 0 after a clean stop, 1 when the port cannot be bound, 2 for bad arguments.
 */
final class BedrockSimulatorMain {

    private static final String USAGE = "usage: simulator.jar bedrock [--port 8090] [--host 127.0.0.1] "
            + "[--region us-east-1] [--access-key-id AKIDEXAMPLE] [--models id,id] [--chunks 5] [--chunk-delay-ms 0]";

    private BedrockSimulatorMain() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        int port = 8090;
        String host = "127.0.0.1";
        String region = "us-east-1";
        String accessKeyId = "AKIDEXAMPLE";
        List<String> models = List.of("anthropic.claude-3-5-sonnet-20240620-v1:0", "amazon.nova-pro-v1:0");
        int chunks = 5;
        long delayMillis = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(required(args[i], value));
                    case "--host" -> host = required(args[i], value);
                    case "--region" -> region = required(args[i], value);
                    case "--access-key-id" -> accessKeyId = required(args[i], value);
                    case "--models" -> models = List.of(required(args[i], value).split(","));
                    case "--chunks" -> chunks = Integer.parseInt(required(args[i], value));
                    case "--chunk-delay-ms" -> delayMillis = Long.parseLong(required(args[i], value));
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
        } catch (IllegalArgumentException e) {
            err.println("bedrock simulator: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        SimulatedBedrock bedrock;
        try {
            bedrock = new SimulatedBedrock(accessKeyId, region, new ArrayList<>(models), host, port);
        } catch (Exception e) {
            // Jetty reports a port in use as an IOException from start(); anything else is as fatal.
            err.println("bedrock simulator: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return 1;
        }
        bedrock.setChatScript(new ChatScript(chunks, Duration.ofMillis(delayMillis)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                bedrock.close();
            } catch (Exception e) {
                // Stopping anyway.
            }
            stopped.countDown();
        }, "bedrock-simulator-shutdown"));
        out.printf("Simulated Bedrock on %s (region %s, access key %s)%n  models: %s%nPress Ctrl-C to stop.%n",
                bedrock.baseUri(), region, accessKeyId, String.join(", ", models));
        stopped.await();
        return 0;
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
