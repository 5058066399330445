package dev.sluice.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Amazon Bedrock as its API reference describes the wire, control plane and runtime on one port:
 * {@code GET /foundation-models} (ListFoundationModels), {@code POST /model/{modelId}/converse} (Converse JSON) and
 * {@code POST /model/{modelId}/converse-stream} (ConverseStream: an {@code application/vnd.amazon.eventstream}
 * body of {@code messageStart}, {@code contentBlockStart}/{@code Delta}/{@code Stop}, {@code messageStop} and
 * {@code metadata} events, each payload padded with a {@code p} field as Bedrock does, with real CRC32s). Every
 * request must carry a SigV4 {@code Authorization} of the right shape for its access key and region, an
 * {@code X-Amz-Date} of the same day and an {@code x-amz-content-sha256} matching the body; a test may plug in a
 * full signature check. Errors are AWS's: {@code {"message":...}} with {@code x-amzn-ErrorType}.
 *
 * <p>Answers: with tools and no tool result yet, a call of the first tool (each required property "fox"); after a
 * tool result, a sentence quoting it; otherwise the {@link ChatScript}'s words. Model ids containing
 * {@code throttled} answer 429 ThrottlingException; {@code stream-error} streams a few words then a
 * {@code modelStreamErrorException}. A conversation that does not start with a user turn, or whose roles do not
 * alternate, is a 400 ValidationException, as on Bedrock.
 */
public final class SimulatedBedrock implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONVERSE = Pattern.compile("/model/([^/]+)/(converse|converse-stream)");
    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/"
            + "([a-z0-9-]+)/bedrock/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");
    private static final String PADDING = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0";

    /** One request as it arrived: the raw path (escapes kept), the signing headers and the body. */
    public record Seen(String method, String rawPath, String host, String authorization, String amzDate,
                       String securityToken, String contentSha256, byte[] body) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String accessKeyId;
    private final String region;
    private final List<String> models;
    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private volatile ChatScript script = ChatScript.defaults();
    private volatile Predicate<Seen> signatureCheck = seen -> true;

    /** On a free port of 127.0.0.1. */
    public SimulatedBedrock(String accessKeyId, String region, List<String> models) throws Exception {
        this(accessKeyId, region, models, "127.0.0.1", 0);
    }

    /** On {@code host:port} (0 for a free port). */
    public SimulatedBedrock(String accessKeyId, String region, List<String> models, String host, int port)
            throws Exception {
        this.accessKeyId = accessKeyId;
        this.region = region;
        this.models = List.copyOf(models);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Content.Source.asByteBufferAsync(request).whenComplete((body, failure) -> {
                    if (failure != null) {
                        callback.failed(failure);
                        return;
                    }
                    byte[] bytes = new byte[body.remaining()];
                    body.get(bytes);
                    answer(request, bytes, response, callback);
                });
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            // A port in use: nothing of the half-started server may linger.
            server.stop();
            throw e;
        }
    }

    public URI baseUri() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1"
                : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort());
    }

    /** Every request received, oldest first. */
    public List<Seen> requests() {
        return List.copyOf(requests);
    }

    /** The Converse / ConverseStream requests received, oldest first. */
    public List<Seen> conversations() {
        return requests.stream().filter(s -> s.rawPath().startsWith("/model/")).toList();
    }

    public void setChatScript(ChatScript script) {
        this.script = script;
    }

    /** A full check of each signature (a test recomputes it with the secret); the shape is always checked. */
    public void setSignatureCheck(Predicate<Seen> check) {
        this.signatureCheck = check;
    }

    private void answer(Request request, byte[] body, Response response, Callback callback) {
        Seen seen = new Seen(request.getMethod(), request.getHttpURI().getPath() == null ? "" : rawPath(request),
                request.getHeaders().get("Host"), request.getHeaders().get("Authorization"),
                request.getHeaders().get("X-Amz-Date"), request.getHeaders().get("X-Amz-Security-Token"),
                request.getHeaders().get("x-amz-content-sha256"), body);
        requests.add(seen);
        response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
        Optional<String> unsigned = signatureProblem(seen);
        if (unsigned.isPresent()) {
            error(response, callback, 403, "InvalidSignatureException", unsigned.get());
            return;
        }
        if (seen.rawPath().equals("/foundation-models") && seen.method().equals("GET")) {
            json(response, callback, 200, foundationModels());
            return;
        }
        Matcher converse = CONVERSE.matcher(seen.rawPath());
        if (!converse.matches() || !seen.method().equals("POST")) {
            error(response, callback, 404, "UnknownOperationException", "no such operation");
            return;
        }
        String model = URLDecoder.decode(converse.group(1), StandardCharsets.UTF_8);
        if (!models.contains(model) && !model.contains("throttled") && !model.contains("stream-error")) {
            error(response, callback, 400, "ValidationException", "The provided model identifier is invalid.");
            return;
        }
        if (model.contains("throttled")) {
            error(response, callback, 429, "ThrottlingException", "Too many requests, please wait before trying again.");
            return;
        }
        JsonNode conversation;
        try {
            conversation = JSON.readTree(body);
        } catch (Exception e) {
            error(response, callback, 400, "ValidationException", "Malformed input request, please reformat your input and try again.");
            return;
        }
        Optional<String> invalid = validate(conversation);
        if (invalid.isPresent()) {
            error(response, callback, 400, "ValidationException", invalid.get());
            return;
        }
        Turn turn = Turn.of(conversation, script);
        if (converse.group(2).equals("converse")) {
            json(response, callback, 200, turn.whole(conversation).toString());
        } else {
            stream(response, callback, turn, model.contains("stream-error"));
        }
    }

    private static String rawPath(Request request) {
        String pathQuery = request.getHttpURI().getPathQuery();
        int query = pathQuery.indexOf('?');
        return query < 0 ? pathQuery : pathQuery.substring(0, query);
    }

    private Optional<String> signatureProblem(Seen seen) {
        if (seen.authorization() == null) {
            return Optional.of("Missing Authentication Token");
        }
        Matcher m = AUTHORIZATION.matcher(seen.authorization());
        if (!m.matches()) {
            return Optional.of("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' for "
                    + "AWS4-HMAC-SHA256 with the bedrock service");
        }
        if (!m.group(1).equals(accessKeyId)) {
            return Optional.of("The security token included in the request is invalid.");
        }
        if (!m.group(3).equals(region)) {
            return Optional.of("Credential should be scoped to a valid region.");
        }
        List<String> signed = List.of(m.group(4).split(";"));
        if (!signed.contains("host") || !signed.contains("x-amz-date")) {
            return Optional.of("Signed headers must include host and x-amz-date");
        }
        if (seen.amzDate() == null || !seen.amzDate().matches("\\d{8}T\\d{6}Z") || !seen.amzDate().startsWith(m.group(2))) {
            return Optional.of("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP");
        }
        if (seen.contentSha256() != null && !seen.contentSha256().equals(sha256(seen.body()))) {
            return Optional.of("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        if (!signatureCheck.test(seen)) {
            return Optional.of("The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method.");
        }
        return Optional.empty();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Optional<String> validate(JsonNode conversation) {
        JsonNode messages = conversation.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            return Optional.of("The model returned the following errors: messages: at least one message is required");
        }
        String expected = "user";
        for (JsonNode message : messages) {
            String role = message.path("role").asText();
            if (!role.equals(expected)) {
                return Optional.of(expected.equals("user") && message == messages.get(0)
                        ? "A conversation must start with a user message. Try again with a conversation that starts "
                        + "with a user message." : "A conversation must alternate between user and assistant roles. "
                        + "Make sure the conversation alternates between user and assistant roles and try again.");
            }
            if (!message.path("content").isArray() || message.path("content").isEmpty()) {
                return Optional.of("The content field in the Message object at messages is empty.");
            }
            expected = role.equals("user") ? "assistant" : "user";
        }
        boolean toolBlocks = conversation.toString().contains("\"toolUse\"") || conversation.toString().contains("\"toolResult\"");
        if (toolBlocks && !conversation.path("toolConfig").isObject()) {
            return Optional.of("The toolConfig field must be defined when using toolUse and toolResult content blocks.");
        }
        return Optional.empty();
    }

    private String foundationModels() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode summaries = root.putArray("modelSummaries");
        for (String model : models) {
            ObjectNode summary = summaries.addObject();
            summary.put("modelArn", "arn:aws:bedrock:" + region + "::foundation-model/" + model).put("modelId", model)
                    .put("modelName", model).put("providerName", model.substring(0, Math.max(0, model.indexOf('.'))));
            summary.putArray("inputModalities").add("TEXT");
            summary.putArray("outputModalities").add("TEXT");
            summary.put("responseStreamingSupported", true);
            summary.putArray("customizationsSupported");
            summary.putArray("inferenceTypesSupported").add("ON_DEMAND");
            summary.putObject("modelLifecycle").put("status", "ACTIVE");
        }
        return root.toString();
    }

    private static void json(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static void error(Response response, Callback callback, int status, String type, String message) {
        response.getHeaders().put("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
        json(response, callback, status, JSON.createObjectNode().put("message", message).toString());
    }

    // Each generation step is one write, flushed before the next; the pause sits on Jetty's scheduler.
    private void stream(Response response, Callback callback, Turn turn, boolean failMidway) {
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "application/vnd.amazon.eventstream");
        List<byte[]> events = turn.events(failMidway);
        Duration pause = script.interChunkDelay();
        new IteratingCallback() {
            private int next;
            private boolean pauseDue;

            @Override
            protected Action process() {
                if (next > events.size()) {
                    return Action.SUCCEEDED;
                }
                if (next == events.size()) {
                    next++;
                    response.write(true, ByteBuffer.allocate(0), this);
                    return Action.SCHEDULED;
                }
                if (pauseDue) {
                    pauseDue = false;
                    server.getScheduler().schedule(this::succeeded, pause.toNanos(), TimeUnit.NANOSECONDS);
                    return Action.SCHEDULED;
                }
                byte[] event = events.get(next++);
                pauseDue = !pause.isZero() && next < events.size();
                response.write(false, ByteBuffer.wrap(event), this);
                return Action.SCHEDULED;
            }

            @Override
            protected void onCompleteSuccess() {
                callback.succeeded();
            }

            @Override
            protected void onCompleteFailure(Throwable cause) {
                callback.failed(cause);
            }
        }.iterate();
    }

    /** What the model says this turn: text, or a call of the first tool. */
    private record Turn(List<String> words, Optional<JsonNode> tool, int inputTokens) {

        static Turn of(JsonNode conversation, ChatScript script) {
            JsonNode messages = conversation.path("messages");
            JsonNode last = messages.get(messages.size() - 1).path("content");
            String result = null;
            for (JsonNode block : last) {
                if (block.path("toolResult").isObject()) {
                    result = block.path("toolResult").path("content").path(0).path("text").asText("");
                }
            }
            int inputTokens = Math.max(1, conversation.path("messages").toString().length() / 4);
            JsonNode tools = conversation.path("toolConfig").path("tools");
            if (result != null) {
                return new Turn(List.of("The tool said: ", result), Optional.empty(), inputTokens);
            }
            if (tools.isArray() && !tools.isEmpty()) {
                return new Turn(List.of(), Optional.of(tools.get(0).path("toolSpec")), inputTokens);
            }
            List<String> words = new ArrayList<>();
            for (int i = 0; i < script.chunks(); i++) {
                words.add(script.token(i));
            }
            return new Turn(words, Optional.empty(), inputTokens);
        }

        String toolUseId() {
            return "tooluse_" + tool.map(t -> t.path("name").asText()).orElse("") + "_1";
        }

        ObjectNode toolInput() {
            ObjectNode input = JSON.createObjectNode();
            tool.ifPresent(t -> t.path("inputSchema").path("json").path("required")
                    .forEach(name -> input.put(name.asText(), "fox")));
            return input;
        }

        String stopReason() {
            return tool.isPresent() ? "tool_use" : "end_turn";
        }

        int outputTokens() {
            return tool.isPresent() ? 12 : words.size();
        }

        ObjectNode usage() {
            return JSON.createObjectNode().put("inputTokens", inputTokens).put("outputTokens", outputTokens())
                    .put("totalTokens", inputTokens + outputTokens());
        }

        ObjectNode whole(JsonNode conversation) {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode message = root.putObject("output").putObject("message").put("role", "assistant");
            ArrayNode content = message.putArray("content");
            if (tool.isPresent()) {
                ObjectNode use = content.addObject().putObject("toolUse").put("toolUseId", toolUseId())
                        .put("name", tool.get().path("name").asText());
                use.set("input", toolInput());
            } else {
                content.addObject().put("text", String.join("", words));
            }
            root.put("stopReason", stopReason());
            root.set("usage", usage());
            root.putObject("metrics").put("latencyMs", 42);
            return root;
        }

        List<byte[]> events(boolean failMidway) {
            List<byte[]> events = new ArrayList<>();
            events.add(event("messageStart", JSON.createObjectNode().put("role", "assistant")));
            if (tool.isPresent()) {
                ObjectNode start = JSON.createObjectNode().put("contentBlockIndex", 0);
                start.putObject("start").putObject("toolUse").put("toolUseId", toolUseId())
                        .put("name", tool.get().path("name").asText());
                events.add(event("contentBlockStart", start));
                String input = toolInput().toString();
                int half = input.length() / 2;
                for (String piece : List.of(input.substring(0, half), input.substring(half))) {
                    ObjectNode delta = JSON.createObjectNode().put("contentBlockIndex", 0);
                    delta.putObject("delta").putObject("toolUse").put("input", piece);
                    events.add(event("contentBlockDelta", delta));
                }
            } else {
                for (int i = 0; i < words.size(); i++) {
                    if (failMidway && i == 2) {
                        events.add(BedrockEventStream.exception("modelStreamErrorException",
                                "The model stopped generating: an internal error occurred."));
                        return events;
                    }
                    ObjectNode delta = JSON.createObjectNode().put("contentBlockIndex", 0);
                    delta.putObject("delta").put("text", words.get(i));
                    events.add(event("contentBlockDelta", delta));
                }
            }
            events.add(event("contentBlockStop", JSON.createObjectNode().put("contentBlockIndex", 0)));
            events.add(event("messageStop", JSON.createObjectNode().put("stopReason", stopReason())));
            ObjectNode metadata = JSON.createObjectNode();
            metadata.set("usage", usage());
            metadata.putObject("metrics").put("latencyMs", 42);
            events.add(event("metadata", metadata));
            return events;
        }

        // Bedrock pads every event's JSON with a "p" field of varying length, so sizes do not reveal tokens.
        private static byte[] event(String type, ObjectNode payload) {
            payload.put("p", PADDING.substring(0, 1 + Math.floorMod(payload.toString().hashCode(), PADDING.length() - 1)));
            return BedrockEventStream.event(type, payload.toString());
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
