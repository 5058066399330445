package dev.sluice.adapters.config.profile;

import dev.sluice.domain.profile.ProfileCatalog;
import java.util.List;

/**
 * The profiles in force and where they came from, for the startup report.
 *
 * @param customFiles custom profile files read, in load order
 * @param filteredOut profile names dropped by {@code proxy.profile_filter}
 * @param warnings    one line per problem that did not stop startup (a skipped file, an unknown section)
 */
public record LoadedProfiles(ProfileCatalog catalog, List<String> customFiles, List<String> filteredOut,
                             List<String> warnings) {

    public LoadedProfiles {
        customFiles = List.copyOf(customFiles);
        filteredOut = List.copyOf(filteredOut);
        warnings = List.copyOf(warnings);
    }
}
