package dev.sluice.profiles;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Names and opens the backend profiles and model-unification rules shipped inside this jar.
 *
 * <p>It exists because a classpath cannot be listed: once the profiles sit inside a jar there
 * is no portable way to ask for "every YAML file under {@code dev/sluice/profiles/}". The
 * directory therefore carries an {@code index.txt} naming each profile, and this class reads
 * it. Parsing the YAML is left to the config adapter, so this module needs nothing beyond
 * {@code java.*} and any module may depend on it.
 *
 * <p>All methods are stateless and safe to call from any thread.
 */
public final class BuiltInProfiles {

    private static final String DIRECTORY = "dev/sluice/profiles/";
    private static final String INDEX = DIRECTORY + "index.txt";
    private static final String MODELS_RULES = DIRECTORY + "models.yaml";

    private BuiltInProfiles() {
    }

    /**
     * Classpath resource paths of the built-in profiles, in index order, for example
     * {@code dev/sluice/profiles/ollama.yaml}. Blank lines and {@code #} comments in the
     * index are skipped.
     *
     * @throws IllegalArgumentException if the index is missing, which means a broken build
     * @throws UncheckedIOException if the index cannot be read
     */
    public static List<String> resourceNames() {
        List<String> names = new ArrayList<>();
        try (BufferedReader index = new BufferedReader(new InputStreamReader(open(INDEX), UTF_8))) {
            String line;
            while ((line = index.readLine()) != null) {
                String fileName = line.strip();
                if (!fileName.isEmpty() && !fileName.startsWith("#")) {
                    names.add(DIRECTORY + fileName);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in profile index " + INDEX, e);
        }
        return List.copyOf(names);
    }

    /** Classpath resource path of the default model-unification rules ({@code models.yaml}). */
    public static String modelsRulesResource() {
        return MODELS_RULES;
    }

    /**
     * Opens a resource shipped with this module. The caller owns the stream and must close it.
     *
     * @param resource a path as returned by {@link #resourceNames()} or {@link #modelsRulesResource()}
     * @throws IllegalArgumentException if no such resource is on the classpath
     */
    public static InputStream open(String resource) {
        requireNonNull(resource, "resource");
        // This class's own loader: it is the one that can see the jar these files live in.
        InputStream stream = BuiltInProfiles.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalArgumentException("no built-in resource named " + resource);
        }
        return stream;
    }
}
