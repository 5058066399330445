package dev.sluice.adapters.http.in.proxy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Model extraction as admission does it ({@link RequestBody#inspect}): a chat body of 1 KiB or 1 MiB, the model
 * first as clients write it, the whole body still parsed (malformed JSON must be refused, not forwarded). Lives in
 * the proxy's package because {@code RequestBody} is package-private there and should stay so.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ModelExtractionBenchmark {

    private static final List<String> FIELDS = List.of("model");

    @Param({"1024", "1048576"})
    public int bodyBytes;

    private byte[] body;

    @Setup
    public void setUp() {
        StringBuilder json = new StringBuilder("{\"model\":\"llama3.2:3b\",\"stream\":true,\"messages\":[");
        String message = "{\"role\":\"user\",\"content\":\"The quick brown fox jumps over the lazy dog again.\"},";
        while (json.length() + message.length() + 2 < bodyBytes) {
            json.append(message);
        }
        json.setLength(json.length() - (json.charAt(json.length() - 1) == ',' ? 1 : 0));
        json.append("]}");
        while (json.length() < bodyBytes) {
            json.insert(json.length() - 2, ' ');
        }
        body = json.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public RequestBody extract() throws RequestBody.MalformedJson {
        return RequestBody.inspect(body, "application/json", FIELDS);
    }
}
