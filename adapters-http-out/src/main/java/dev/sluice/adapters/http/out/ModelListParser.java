package dev.sluice.adapters.http.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.application.port.out.ModelDiscoveryException;
import dev.sluice.domain.model.DiscoveredModel;
import java.util.List;

/**
 * Reads one platform's model list. Implementations are stateless and thread-safe, and tolerant: they detect
 * which of the shapes their platform is known to send is present (an LM Studio endpoint may be pointed at
 * {@code /v1/models} instead of {@code /api/v0/models}) and skip entries that carry no name.
 */
interface ModelListParser {

    /**
     * @param root the parsed answer, never null
     * @return the models in the order listed; empty when the platform lists none
     * @throws ModelDiscoveryException when the answer holds no model list this parser recognises
     */
    List<DiscoveredModel> parse(JsonNode root);
}
