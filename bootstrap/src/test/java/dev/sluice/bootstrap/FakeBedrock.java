package dev.sluice.bootstrap;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Bedrock's control plane as a client sees it: {@code GET /foundation-models} answers only a request whose SigV4
 * signature it recomputes itself (from the request's own {@code Host}, path and {@code X-Amz-Date}, with the
 * secret it knows) and otherwise a 403 {@code InvalidSignatureException}, as AWS does.
 */
final class FakeBedrock implements AutoCloseable {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    static final String MODELS = "{\"modelSummaries\":[{\"modelArn\":\"arn:aws:bedrock:us-east-1::foundation-model/"
            + "anthropic.claude-3-5-sonnet-20240620-v1:0\",\"modelId\":\"anthropic.claude-3-5-sonnet-20240620-v1:0\","
            + "\"modelName\":\"Claude 3.5 Sonnet\",\"providerName\":\"Anthropic\",\"inputModalities\":[\"TEXT\","
            + "\"IMAGE\"],\"outputModalities\":[\"TEXT\"],\"responseStreamingSupported\":true,"
            + "\"customizationsSupported\":[],\"inferenceTypesSupported\":[\"ON_DEMAND\"],\"modelLifecycle\":"
            + "{\"status\":\"ACTIVE\"}},{\"modelId\":\"amazon.nova-pro-v1:0\",\"providerName\":\"Amazon\","
            + "\"outputModalities\":[\"TEXT\"],\"inferenceTypesSupported\":[\"ON_DEMAND\"],\"modelLifecycle\":"
            + "{\"status\":\"ACTIVE\"}}]}";

    /** Authorization headers that verified. */
    final List<String> verified = new CopyOnWriteArrayList<>();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final String accessKeyId;
    private final String secret;

    FakeBedrock(String accessKeyId, String secret) throws Exception {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                answer(request, response, callback);
                return true;
            }
        });
        server.start();
    }

    private void answer(Request request, Response response, Callback callback) {
        String authorization = request.getHeaders().get("Authorization");
        String date = request.getHeaders().get("X-Amz-Date");
        if (authorization == null || date == null || !authorization.equals(expected(request, date))) {
            response.getHeaders().put("x-amzn-ErrorType", "InvalidSignatureException:http://internal.amazon.com/coral/com.amazon.coral.service/");
            write(response, callback, 403, "{\"message\":\"The request signature we calculated does not match the "
                    + "signature you provided. Check your AWS Secret Access Key and signing method.\"}");
            return;
        }
        verified.add(authorization);
        if (!request.getHttpURI().getPath().equals("/foundation-models")) {
            write(response, callback, 404, "{\"message\":\"Unknown operation\"}");
            return;
        }
        write(response, callback, 200, MODELS);
    }

    // The signature this server computes for the request as it arrived, with the secret it holds.
    private String expected(Request request, String amzDate) {
        URI uri = URI.create("http://" + request.getHeaders().get("Host") + request.getHttpURI().getPathQuery());
        Clock at = Clock.fixed(LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
        return AwsV4HttpSigner.create().sign(r -> r
                        .identity(AwsCredentialsIdentity.create(accessKeyId, secret))
                        .request(unsigned)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(HttpSigner.SIGNING_CLOCK, at))
                .request().firstMatchingHeader("Authorization").orElse("");
    }

    private static void write(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
