package dev.sluice.benchmarks.mock;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar benchmarks.jar mock --port 11434 [--models bench] [--chunks 5] [--chunk-bytes 5]
 * [--chunk-delay-ms 0] [--ttft-ms 0]}: the mock backend in the foreground until stopped.
 */
public final class MockBackendMain {

    private MockBackendMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 11434;
        List<String> models = List.of("bench");
        int chunks = 5;
        int chunkBytes = 5;
        long delay = 0;
        long ttft = 0;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--port": port = Integer.parseInt(value); i++; break;
                case "--models": models = Arrays.asList(value.split(",")); i++; break;
                case "--chunks": chunks = Integer.parseInt(value); i++; break;
                case "--chunk-bytes": chunkBytes = Integer.parseInt(value); i++; break;
                case "--chunk-delay-ms": delay = Long.parseLong(value); i++; break;
                case "--ttft-ms": ttft = Long.parseLong(value); i++; break;
                default: throw new IllegalArgumentException("mock: unknown option " + args[i]);
            }
        }
        MockBackend mock = MockBackend.start(port, new Script(chunks, chunkBytes, delay, ttft), models);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                mock.close();
            } catch (Exception e) {
                // Exiting anyway.
            }
            stopped.countDown();
        }, "mock-shutdown"));
        System.out.println("mock backend listening on http://127.0.0.1:" + mock.port());
        stopped.await();
    }
}
