package dev.sluice.simulator;

import java.util.List;
import java.util.Map;

/**
 * llama.cpp's {@code /props}: server-wide settings. Proxies read {@code default_generation_settings.n_ctx} and
 * {@code total_slots} from it to size concurrency; the rest is here so the body looks like the real one,
 * including the quirk that {@code ui} is true on a build without the web UI.
 */
final class LlamaCppPropsRoute {

    static final int TOTAL_SLOTS = 4;
    /**
     * What a build without git metadata calls itself; the reference's server sends it as every
     * {@code system_fingerprint}. A release build would say {@code b<build>-<commit>}.
     */
    static final String BUILD_INFO = "b0-unknown";
    private static final String CHATML = "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n'"
            + " + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}"
            + "{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private LlamaCppPropsRoute() {
    }

    static void handle(Exchange exchange) {
        List<SimulatedModel> served = LlamaCppPlatform.servedModel(exchange);
        String alias = served.isEmpty() ? "" : served.get(0).name();
        // Each slot gets an equal share of the context, as with llama-server's --parallel.
        int slotContext = served.isEmpty() ? 0 : served.get(0).contextLength() / TOTAL_SLOTS;
        exchange.json(200, new Props(new GenerationSettings(Map.of("n_predict", -1), slotContext), TOTAL_SLOTS,
                alias, "models/" + alias, new Modalities(false, false, false), true, false, false, true,
                CHATML, "<s>", "</s>", BUILD_INFO, false));
    }

    record Props(GenerationSettings defaultGenerationSettings, int totalSlots, String modelAlias, String modelPath,
                 Modalities modalities, boolean endpointSlots, boolean endpointProps, boolean endpointMetrics,
                 boolean ui, String chatTemplate, String bosToken, String eosToken, String buildInfo,
                 boolean isSleeping) {
    }

    record GenerationSettings(Map<String, Object> params, int nCtx) {
    }

    record Modalities(boolean vision, boolean video, boolean audio) {
    }
}
