package dev.sluice.domain.model;

import java.util.List;

/** What the unification rules read out of one discovered model. */
record ModelFacts(String family, String variant, String parameterSize, long parameterCount, String quantization,
                  String type, String publisher, long contextLength, List<String> capabilities) {
}
