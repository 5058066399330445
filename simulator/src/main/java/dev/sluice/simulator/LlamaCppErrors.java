package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * llama.cpp's error objects. Their field order differs by kind in the captured traffic: "File Not Found" and
 * "Loading model" put {@code message} first, the others put {@code code} first; order does not matter to JSON
 * parsers, but byte-level comparisons in tests do.
 */
final class LlamaCppErrors {

    private LlamaCppErrors() {
    }

    static ObjectNode body(Exchange exchange, int status, String message) {
        ObjectNode error = exchange.newObject();
        if (status == 404 || status == 503) {
            error.put("message", message).put("type", type(status)).put("code", status);
        } else {
            error.put("code", status).put("message", message).put("type", type(status));
        }
        ObjectNode body = exchange.newObject();
        body.set("error", error);
        return body;
    }

    static String type(int status) {
        switch (status) {
            case 400:
                return "invalid_request_error";
            case 401:
                return "authentication_error";
            case 403:
                return "permission_error";
            case 404:
                return "not_found_error";
            case 501:
                return "not_supported_error";
            case 503:
                return "unavailable_error";
            default:
                return "server_error";
        }
    }
}
