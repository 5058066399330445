package dev.sluice.adapters.config.schema;

import java.util.Map;

/**
 * An endpoint's {@code provider} block: what a hosted API needs beyond Olla's endpoint fields (a Sluice extension;
 * unknown keys are rejected like everywhere else).
 *
 * @param apiVersion  the API version: Azure's {@code api-version} query, Anthropic's {@code anthropic-version}
 *                    header; the profile's default when absent
 * @param deployments Azure OpenAI: model name to deployment name. The models are the endpoint's catalogue, and a
 *                    request for one goes to {@code /openai/deployments/<deployment>/...}
 * @param region      Bedrock: the AWS region requests are signed for ({@code us-east-1})
 * @param accessKeyId Bedrock: AWS credentials (each inline with {@code ${VAR}}, or {@code *_file}); the session
 *                    token only for temporary credentials
 * @param api         Gemini: {@code openai} (the default) sends OpenAI-style requests to Google's OpenAI-compatible
 *                    surface; {@code native} translates every chat request to {@code generateContent}
 * @param runtimeUrl  Bedrock: where Converse requests go when the endpoint's url is not AWS's control-plane host
 *                    (a VPC endpoint of bedrock-runtime, a gateway); derived from the url otherwise
 */
public record ProviderConfig(String apiVersion, Map<String, String> deployments, String region, String accessKeyId,
                             String accessKeyIdFile, String secretAccessKey, String secretAccessKeyFile,
                             String sessionToken, String sessionTokenFile, String api, String runtimeUrl) {

    public static final ProviderConfig NONE = new ProviderConfig(null, null, null, null, null, null, null, null, null, null,
            null);

    public ProviderConfig {
        deployments = deployments == null ? Map.of() : Map.copyOf(deployments);
    }
}
