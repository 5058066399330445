package dev.sluice.domain.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded profiles, looked up by name or routing prefix. Later profiles replace earlier ones of the same name,
 * which is how a custom file overrides a built-in.
 */
public final class ProfileCatalog {

    private final Map<String, Profile> byName;

    private ProfileCatalog(Map<String, Profile> byName) {
        this.byName = byName;
    }

    /** Builds the catalogue in load order: built-ins first, then custom profiles that may replace them. */
    public static ProfileCatalog of(Collection<Profile> profilesInLoadOrder) {
        Map<String, Profile> byName = new LinkedHashMap<>();
        for (Profile profile : profilesInLoadOrder) {
            byName.put(profile.name().toLowerCase(Locale.ROOT), profile);
        }
        // Not Map.copyOf: its iteration order changes from one JVM run to the next, and forType's prefix lookup
        // must pick the same profile every time when two claim one prefix (the first in load order).
        return new ProfileCatalog(java.util.Collections.unmodifiableMap(byName));
    }

    /** The profile an endpoint {@code type} selects: an exact name first, then any profile claiming it as a prefix. */
    public Optional<Profile> forType(String type) {
        Profile exact = byName.get(type.toLowerCase(Locale.ROOT));
        if (exact != null) {
            return Optional.of(exact);
        }
        return byName.values().stream().filter(p -> p.answersTo(type)).findFirst();
    }

    public List<Profile> all() {
        List<Profile> all = new ArrayList<>(byName.values());
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return List.copyOf(all);
    }

    /** Every type an endpoint may name: profile names and their prefixes, sorted, for error messages. */
    public List<String> knownTypes() {
        return byName.values().stream()
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p.name()), p.prefixes().stream()))
                .distinct()
                .sorted()
                .toList();
    }
}
