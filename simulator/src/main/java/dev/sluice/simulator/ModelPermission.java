package dev.sluice.simulator;

/**
 * The legacy OpenAI {@code model_permission} object that vLLM and LMDeploy still attach to every model. The id
 * derives from the model digest so repeated discoveries return identical bodies.
 */
record ModelPermission(String id, String object, long created, boolean allowCreateEngine, boolean allowSampling,
                       boolean allowLogprobs, boolean allowSearchIndices, boolean allowView,
                       boolean allowFineTuning, String organization, String group, boolean isBlocking) {

    static ModelPermission of(SimulatedModel model, long created) {
        return new ModelPermission("modelperm-" + model.digest().substring(0, 32), "model_permission", created,
                false, true, true, false, true, false, "*", null, false);
    }
}
