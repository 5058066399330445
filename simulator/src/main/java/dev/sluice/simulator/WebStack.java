package dev.sluice.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The web framework under each platform. Headers, JSON content type and, above all, error bodies come from the
 * framework rather than the product, so platforms built on the same one share a constant here. A proxy that
 * parses errors or sniffs platforms sees exactly what the real framework sends.
 */
enum WebStack {

    /** Go's net/http and gin (Ollama, Docker Model Runner): a plain-text 404, {@code {"error":"..."}} errors. */
    GO_HTTP("application/json; charset=utf-8") {
        @Override
        void notFound(Exchange exchange) {
            exchange.text(404, "text/plain; charset=utf-8", "404 page not found");
        }

        @Override
        void error(Exchange exchange, int status, String message) {
            exchange.json(status, exchange.newObject().put("error", message));
        }
    },

    /**
     * LM Studio's Express server. It answers unknown routes with 200 and an error object ("Returning 200
     * anyway" in its log), which fools any client that trusts the status alone.
     */
    EXPRESS("application/json; charset=utf-8") {
        @Override
        void decorate(Exchange exchange) {
            exchange.header("X-Powered-By", "Express");
            exchange.header("Keep-Alive", "timeout=5");
        }

        @Override
        void notFound(Exchange exchange) {
            String what = "Unexpected endpoint or method. (" + exchange.method() + " " + exchange.path() + ")";
            exchange.json(200, exchange.newObject().put("error", what));
        }

        @Override
        void routeGone(Exchange exchange) {
            String what = "Unexpected endpoint or method. (" + exchange.method() + " " + exchange.path() + ")";
            exchange.json(404, exchange.newObject().put("error", what));
        }

        @Override
        void error(Exchange exchange, int status, String message) {
            exchange.json(status, exchange.newObject().put("error", message));
        }
    },

    /** FastAPI on uvicorn (vLLM, SGLang, LMDeploy, LiteLLM, Lemonade): {@code {"detail":...}} and empty health. */
    UVICORN("application/json") {
        @Override
        void decorate(Exchange exchange) {
            exchange.header("server", "uvicorn");
        }

        @Override
        void notFound(Exchange exchange) {
            exchange.json(404, exchange.newObject().put("detail", "Not Found"));
        }

        @Override
        void methodNotAllowed(Exchange exchange) {
            exchange.json(405, exchange.newObject().put("detail", "Method Not Allowed"));
        }

        @Override
        void error(Exchange exchange, int status, String message) {
            exchange.json(status, exchange.newObject().put("detail", message));
        }

        @Override
        void unhealthy(Exchange exchange, int status) {
            // vLLM-style health handlers return a bare status when the engine is not ready.
            exchange.empty(status);
        }
    },

    /** OpenAI's own API: nested error objects with {@code param} and {@code code}. */
    OPENAI("application/json") {
        @Override
        void notFound(Exchange exchange) {
            error(exchange, 404, "Invalid URL (" + exchange.method() + " " + exchange.path() + ")");
        }

        @Override
        void error(Exchange exchange, int status, String message) {
            ObjectNode error = exchange.newObject().put("message", message)
                    .put("type", status >= 500 ? "server_error" : "invalid_request_error");
            error.putNull("param");
            error.putNull("code");
            ObjectNode body = exchange.newObject();
            body.set("error", error);
            exchange.json(status, body);
        }
    },

    /**
     * Anthropic's hosted API: {@code {"type":"error","error":{"type","message"}}} with the error type Anthropic
     * documents for each status, and a {@code request-id} header on every answer.
     */
    ANTHROPIC_API("application/json") {
        @Override
        void decorate(Exchange exchange) {
            HostedHeaders.anthropic(exchange);
        }

        @Override
        void notFound(Exchange exchange) {
            error(exchange, 404, "Not found");
        }

        @Override
        void error(Exchange exchange, int status, String message) {
            ObjectNode body = exchange.newObject().put("type", "error");
            body.putObject("error").put("type", HostedHeaders.anthropicErrorType(status)).put("message", message);
            exchange.json(status, body);
        }
    },

    /** Google's API front end (Gemini): {@code {"error":{"code","message","status"}}}, canonical status names. */
    GOOGLE_API("application/json; charset=UTF-8") {
        @Override
        void decorate(Exchange exchange) {
            exchange.header("Server", "scaffolding on HTTPServer2");
            exchange.header("Vary", "Origin, X-Origin, Referer");
        }

        @Override
        void notFound(Exchange exchange) {
            error(exchange, 404, "Requested entity was not found.");
        }

        @Override
        void error(Exchange exchange, int status, String message) {
            ObjectNode body = exchange.newObject();
            body.putObject("error").put("code", status).put("message", message)
                    .put("status", HostedHeaders.googleStatus(status));
            exchange.json(status, body);
        }
    },

    /** Azure OpenAI: {@code {"error":{"code","message"}}}, the code a string. */
    AZURE("application/json") {
        @Override
        void decorate(Exchange exchange) {
            exchange.header("apim-request-id", HostedHeaders.requestId());
        }

        @Override
        void notFound(Exchange exchange) {
            error(exchange, 404, "Resource not found");
        }

        @Override
        void error(Exchange exchange, int status, String message) {
            ObjectNode body = exchange.newObject();
            body.putObject("error").put("code", Integer.toString(status)).put("message", message);
            exchange.json(status, body);
        }
    },

    /**
     * llama.cpp's cpp-httplib server, as captured in the wire-format reference: {@code Server: llama.cpp}, a CORS
     * origin header that is present even when blank, no Date header, and {@code Connection: close} on errors.
     */
    CPP_HTTPLIB("application/json; charset=utf-8") {
        @Override
        boolean sendsDateHeader() {
            return false;
        }

        @Override
        void decorate(Exchange exchange) {
            exchange.header("Server", "llama.cpp");
            exchange.header("Access-Control-Allow-Origin", exchange.requestHeader("Origin").orElse(""));
            exchange.header("Keep-Alive", "timeout=5, max=100");
        }

        @Override
        void notFound(Exchange exchange) {
            error(exchange, 404, "File Not Found");
        }

        @Override
        void error(Exchange exchange, int status, String message) {
            LlamaCppErrors.send(exchange, status, LlamaCppErrors.body(exchange, status, message));
        }

        @Override
        void unhealthy(Exchange exchange, int status) {
            error(exchange, status, status == 503 ? "Loading model" : "Internal Server Error");
        }
    };

    private final String jsonContentType;

    WebStack(String jsonContentType) {
        this.jsonContentType = jsonContentType;
    }

    String jsonContentType() {
        return jsonContentType;
    }

    /** Go and Python servers stamp every answer with Date; cpp-httplib does not. */
    boolean sendsDateHeader() {
        return true;
    }

    /** Headers this stack puts on every response, errors included. */
    void decorate(Exchange exchange) {
        // Most stacks add nothing beyond Content-Type, Content-Length and Date.
    }

    abstract void notFound(Exchange exchange);

    /**
     * A route that should exist but does not, answered with a real 404 even where the stack's unknown-route
     * answer is not one (Express's 200), because a test asking for this wants the status a proxy must handle.
     */
    void routeGone(Exchange exchange) {
        notFound(exchange);
    }

    /** A known path with the wrong method; most frameworks cannot tell this from an unknown path. */
    void methodNotAllowed(Exchange exchange) {
        notFound(exchange);
    }

    abstract void error(Exchange exchange, int status, String message);

    /** The health path while a test has set a non-200 health status. */
    void unhealthy(Exchange exchange, int status) {
        error(exchange, status, "simulated unhealthy backend (status " + status + ")");
    }
}
