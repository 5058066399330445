package dev.sluice.adapters.http.in.proxy;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;

/** A JSON string literal, quotes included, escaped by Jackson. */
final class JsonStrings {

    private JsonStrings() {
    }

    static byte[] quote(String text) {
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
        byte[] out = new byte[escaped.length + 2];
        out[0] = '"';
        System.arraycopy(escaped, 0, out, 1, escaped.length);
        out[out.length - 1] = '"';
        return out;
    }

    static String quoted(String text) {
        return new String(quote(text), StandardCharsets.UTF_8);
    }
}
