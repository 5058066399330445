package dev.sluice.adapters.http.in.models;

/** OpenAI's error categories by status, for the {@code type} field of an error envelope. */
public final class ErrorCategories {

    private ErrorCategories() {
    }

    public static String of(int status) {
        if (status == 401) {
            return "authentication_error";
        }
        if (status == 403) {
            return "permission_error";
        }
        if (status == 429) {
            return "rate_limit_error";
        }
        return status >= 500 ? "server_error" : "invalid_request_error";
    }
}
