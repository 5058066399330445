package dev.sluice.adapters.http.in.tokens;

import com.fasterxml.jackson.core.JsonPointer;

/** The JSONPath that profiles use ({@code $.a.b[0].c}) as the JSON Pointer Jackson reads ({@code /a/b/0/c}). */
final class JsonPaths {

    private JsonPaths() {
    }

    /** @throws IllegalArgumentException for anything beyond dotted names and numeric indexes */
    static JsonPointer toPointer(String path) {
        String p = path.trim();
        if (!p.startsWith("$")) {
            throw new IllegalArgumentException("JSONPath must start with $: " + path);
        }
        StringBuilder pointer = new StringBuilder();
        int i = 1;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
                    end++;
                }
                pointer.append('/').append(p, i + 1, end);
                i = end;
            } else if (c == '[') {
                int end = p.indexOf(']', i);
                String index = end < 0 ? "" : p.substring(i + 1, end);
                if (!index.chars().allMatch(Character::isDigit) || index.isEmpty()) {
                    throw new IllegalArgumentException("only numeric indexes are supported: " + path);
                }
                pointer.append('/').append(index);
                i = end + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' in JSONPath " + path);
            }
        }
        return JsonPointer.compile(pointer.toString());
    }
}
