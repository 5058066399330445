package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The simulated Bedrock's wire: event-stream frames byte for byte as AWS's published vectors, ConverseStream as
 * checksummed frames in Bedrock's event order, Converse JSON, and AWS's refusals of an unsigned or misshapen
 * request.
 */
@Timeout(30)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedBedrockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String MODEL = "amazon.nova-pro-v1:0";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SimulatedBedrock bedrock;

    @BeforeAll
    void start() throws Exception {
        bedrock = new SimulatedBedrock("AKIDEXAMPLE", "us-east-1", List.of(MODEL));
        bedrock.setChatScript(new ChatScript(3, Duration.ZERO));
    }

    @AfterAll
    void stop() throws Exception {
        bedrock.close();
    }

    // aws-c-event-stream's vectors: {'foo':'bar'} with no headers, and with content-type: application/json.
    @Test
    void framesAreByteForByteAwsPublishedVectors() {
        assertThat(HexFormat.of().formatHex(BedrockEventStream.message(Map.of(), "{'foo':'bar'}".getBytes(
                StandardCharsets.US_ASCII)))).isEqualTo("0000001d00000000fd528c5a7b27666f6f273a27626172277dc3653936");
        assertThat(HexFormat.of().formatHex(BedrockEventStream.message(Map.of("content-type", "application/json"),
                "{'foo':'bar'}".getBytes(StandardCharsets.US_ASCII)))).isEqualTo("0000003d0000002007fd83960c"
                + HexFormat.of().formatHex("content-type".getBytes(StandardCharsets.US_ASCII)) + "070010"
                + HexFormat.of().formatHex("application/json".getBytes(StandardCharsets.US_ASCII))
                + "7b27666f6f273a27626172277d8d9c08b1");
    }

    @Test
    void converseStream_isChecksummedFramesInBedrocksEventOrder() throws Exception {
        HttpResponse<byte[]> response = send("/model/amazon.nova-pro-v1%3A0/converse-stream",
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.amazon.eventstream");
        List<String> types = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        ByteBuffer body = ByteBuffer.wrap(response.body());
        while (body.hasRemaining()) {
            int start = body.position();
            int total = body.getInt(start);
            int headersLength = body.getInt(start + 4);
            assertThat(Integer.toUnsignedLong(body.getInt(start + 8))).isEqualTo(crc(response.body(), start, 8));
            assertThat(Integer.toUnsignedLong(body.getInt(start + total - 4))).isEqualTo(crc(response.body(), start, total - 4));
            Map<String, String> headers = headers(response.body(), start + 12, headersLength);
            assertThat(headers).containsEntry(":message-type", "event").containsEntry(":content-type", "application/json");
            JsonNode payload = JSON.readTree(new String(response.body(), start + 12 + headersLength,
                    total - 16 - headersLength, StandardCharsets.UTF_8));
            assertThat(payload.path("p").asText()).isNotEmpty();
            types.add(headers.get(":event-type"));
            text.append(payload.path("delta").path("text").asText(""));
            body.position(start + total);
        }
        assertThat(types).containsExactly("messageStart", "contentBlockDelta", "contentBlockDelta", "contentBlockDelta",
                "contentBlockStop", "messageStop", "metadata");
        assertThat(text).hasToString("The quick brown");
    }

    @Test
    void converse_isOneJsonAnswer() throws Exception {
        HttpResponse<byte[]> response = send("/model/amazon.nova-pro-v1%3A0/converse",
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}", true);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("output").path("message").path("content").path(0).path("text").asText())
                .isEqualTo("The quick brown");
        assertThat(answer.path("stopReason").asText()).isEqualTo("end_turn");
        assertThat(answer.path("usage").path("outputTokens").asInt()).isEqualTo(3);
    }

    @Test
    void anUnsignedRequest_isRefusedAsAwsDoes() throws Exception {
        HttpResponse<byte[]> response = send("/model/amazon.nova-pro-v1%3A0/converse",
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}", false);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValueSatisfying(t ->
                assertThat(t).startsWith("InvalidSignatureException:"));
        assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo("Missing Authentication Token");
    }

    @Test
    void aBodyThatIsNotTheOneHashed_isRefused() throws Exception {
        HttpRequest request = signed("/model/amazon.nova-pro-v1%3A0/converse", "{\"messages\":[]}")
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"role\":\"user\"}]}")).build();

        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).path("message").asText()).contains("x-amz-content-sha256");
    }

    @Test
    void aConversationStartingWithTheAssistant_isAValidationException() throws Exception {
        HttpResponse<byte[]> response = send("/model/amazon.nova-pro-v1%3A0/converse",
                "{\"messages\":[{\"role\":\"assistant\",\"content\":[{\"text\":\"hi\"}]}]}", true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValueSatisfying(t ->
                assertThat(t).startsWith("ValidationException:"));
    }

    private HttpResponse<byte[]> send(String path, String body, boolean sign) throws Exception {
        HttpRequest.Builder request = sign ? signed(path, body)
                : HttpRequest.newBuilder(bedrock.baseUri().resolve(path)).timeout(Duration.ofSeconds(5));
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    // The shape a SigV4 signer produces; the signature itself is only checked when a test plugs in a check.
    private HttpRequest.Builder signed(String path, String body) throws Exception {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(bedrock.baseUri() + path)).timeout(Duration.ofSeconds(5))
                .header("X-Amz-Date", date).header("x-amz-content-sha256", hash)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + date.substring(0, 8)
                        + "/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
                        + "Signature=" + "0123456789abcdef".repeat(4));
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    private static Map<String, String> headers(byte[] bytes, int offset, int length) {
        Map<String, String> headers = new LinkedHashMap<>();
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        while (in.hasRemaining()) {
            byte[] name = new byte[in.get()];
            in.get(name);
            assertThat(in.get()).isEqualTo((byte) 7);
            byte[] value = new byte[in.getShort()];
            in.get(value);
            headers.put(new String(name, StandardCharsets.UTF_8), new String(value, StandardCharsets.UTF_8));
        }
        return headers;
    }
}
