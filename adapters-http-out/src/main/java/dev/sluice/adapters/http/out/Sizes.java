package dev.sluice.adapters.http.out;

/** Byte counts as an operator reads them in a log line. */
final class Sizes {

    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;

    private Sizes() {
    }

    /** {@code 8388608} is {@code 8 MiB}, {@code 65536} is {@code 64 KiB}; uneven counts stay in bytes. */
    static String describe(long bytes) {
        if (bytes >= MIB && bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        if (bytes >= KIB && bytes % KIB == 0) {
            return bytes / KIB + " KiB";
        }
        return bytes + " bytes";
    }
}
