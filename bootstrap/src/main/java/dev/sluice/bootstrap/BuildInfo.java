package dev.sluice.bootstrap;

/** The version stamped into the jar's manifest at build time; "dev" when run from classes. */
final class BuildInfo {

    private BuildInfo() {
    }

    static String version() {
        String v = BuildInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static String commit() {
        String c = System.getenv("SLUICE_COMMIT");
        return c == null || c.isBlank() ? "unknown" : c;
    }
}
