package dev.sluice.adapters.http.in.proxy;

import java.util.Locale;
import java.util.Set;

/**
 * {@code proxy.profile}: {@code streaming} relays every chunk at once, {@code standard} gathers writes,
 * {@code auto} streams everything except binary content (images, audio, archives), as Olla does.
 */
final class DeliveryProfile {

    private static final Set<String> BINARY_PREFIXES = Set.of("image/", "video/", "audio/", "font/", "model/");
    private static final Set<String> BINARY_TYPES = Set.of("application/pdf", "application/zip", "application/gzip",
            "application/x-tar", "application/x-rar-compressed", "application/x-7z-compressed",
            "application/octet-stream", "application/msword", "application/vnd.ms-excel");

    private DeliveryProfile() {
    }

    static boolean streams(String profile, String contentType) {
        switch (profile.toLowerCase(Locale.ROOT)) {
            case "streaming":
                return true;
            case "standard":
                return false;
            default:
                return !isBinary(contentType);
        }
    }

    static boolean isBinary(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        return BINARY_TYPES.contains(type) || BINARY_PREFIXES.stream().anyMatch(type::startsWith)
                || type.startsWith("application/vnd.openxmlformats");
    }
}
