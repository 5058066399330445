package dev.sluice.simulator;

import java.io.IOException;
import java.util.Optional;

/**
 * llama-server's {@code POST /v1/messages/count_tokens}: the prompt's token count, {@code {"input_tokens":N}},
 * counted as {@code /v1/messages} would (BOS included). Only llama.cpp among the simulated platforms has it;
 * Ollama answers 404 there, which is why Olla's profile marks Ollama's token counting as missing.
 */
final class AnthropicCountTokensRoute implements Route {

    @Override
    public void handle(Exchange exchange) throws IOException {
        Optional<LlamaCppRequest> read = LlamaCppRequest.read(exchange, LlamaCppRequest.Shape.TOKEN_COUNT);
        if (read.isPresent()) {
            exchange.json(200, exchange.newObject().put("input_tokens", read.get().promptTokens()));
        }
    }
}
