package dev.sluice.domain.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * An image, inline or by reference: exactly one of {@code base64Data} and {@code url} is present.
 *
 * @param mediaType e.g. {@code image/png}; empty for a URL whose type the client did not state
 */
public record ImagePart(String mediaType, Optional<String> base64Data, Optional<String> url) implements Part {

    public ImagePart {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(base64Data, "base64Data");
        Objects.requireNonNull(url, "url");
        if (base64Data.isPresent() == url.isPresent()) {
            throw new IllegalArgumentException("an image has either inline data or a URL");
        }
    }

    public static ImagePart inline(String mediaType, String base64Data) {
        return new ImagePart(mediaType, Optional.of(base64Data), Optional.empty());
    }

    public static ImagePart at(String url) {
        return new ImagePart("", Optional.empty(), Optional.of(url));
    }

    // Images are priced in tokens by area, which we cannot see: a flat figure keeps estimates in the right range.
    @Override
    public int estimatedChars() {
        return 1600 * 4;
    }
}
