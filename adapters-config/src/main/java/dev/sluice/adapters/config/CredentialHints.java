package dev.sluice.adapters.config;

import dev.sluice.adapters.config.schema.AuthConfig;
import dev.sluice.adapters.config.schema.ProviderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names where an endpoint's credential comes from, for the message a 401 or 403 earns: the config key and the
 * environment variables or file it is read from. Never the secret: only names that are already in the config file.
 */
final class CredentialHints {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

    private CredentialHints() {
    }

    /**
     * @param auth     the endpoint's auth block, null when it has none
     * @param authType the auth type in effect (the profile may supply it)
     * @param key      the endpoint's config key, {@code discovery.static.endpoints[2]}
     */
    static String of(AuthConfig auth, String authType, String key) {
        if (auth == null) {
            return "the credentials: " + key + " has no auth block";
        }
        List<String> sources = new ArrayList<>();
        String noun;
        switch (authType) {
            case "bearer":
                noun = "API key";
                sources(auth.token(), auth.tokenFile(), sources);
                break;
            case "api_key":
                noun = "API key";
                sources(auth.key(), auth.keyFile(), sources);
                break;
            default:
                noun = "username and password";
                sources(auth.username(), auth.usernameFile(), sources);
                sources(auth.password(), auth.passwordFile(), sources);
        }
        return "the " + noun + " in " + key + ".auth" + (sources.isEmpty() ? "" : " (" + String.join(", ", sources) + ")");
    }

    /** Where a SigV4-signed endpoint's AWS credentials come from. */
    static String aws(ProviderConfig provider, String key) {
        List<String> sources = new ArrayList<>();
        sources(provider.accessKeyId(), provider.accessKeyIdFile(), sources);
        sources(provider.secretAccessKey(), provider.secretAccessKeyFile(), sources);
        sources(provider.sessionToken(), provider.sessionTokenFile(), sources);
        return "the AWS credentials in " + key + ".provider" + (sources.isEmpty() ? ""
                : " (" + String.join(", ", sources) + ")");
    }

    private static void sources(String inline, String file, List<String> out) {
        if (file != null && !file.isBlank()) {
            out.add("file " + file.trim());
        }
        if (inline != null) {
            Matcher m = VARIABLE.matcher(inline);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
    }
}
