package dev.sluice.simulator;

/**
 * How a backend's generating routes (chat, completions, Anthropic messages) misbehave, so tests can prove the
 * proxy survives what real backends do under load or mid-crash. Health, discovery and every other route keep
 * answering normally: the point of most of these is a backend that looks healthy and is not.
 *
 * <p>Each fault wraps whatever route the platform would have run, so it applies to every kind alike and, where it
 * lets bytes through, they are the platform's own bytes (its content type, its stream framing).
 */
public enum ChatFault {

    /** Answer faithfully. */
    NONE {
        @Override
        Route around(Route chat) {
            return chat;
        }
    },

    /** Accept the request and never answer: no status, no headers, until the client gives up or the backend stops. */
    STALL_BEFORE_HEADERS {
        @Override
        Route around(Route chat) {
            return StallBeforeHeadersRoute.INSTANCE;
        }
    },

    /** Send the route's status and headers, then nothing more: a generation that froze after it started. */
    STALL_AFTER_HEADERS {
        @Override
        Route around(Route chat) {
            return new StallAfterHeadersRoute(chat);
        }
    },

    /**
     * Let the first chunk through, then half of the next, then abort the connection (no terminating chunk): a
     * backend process that crashed mid-generation. A whole-body answer is cut in half the same way.
     */
    DROP_MID_STREAM {
        @Override
        Route around(Route chat) {
            return new DropMidStreamRoute(chat);
        }
    },

    /** Answer 200 with a JSON content type and a body no JSON parser accepts, whatever the request asked for. */
    MALFORMED_JSON {
        @Override
        Route around(Route chat) {
            return MalformedJsonRoute.INSTANCE;
        }
    },

    /**
     * Let the first chunk through, then half of the next, then end the response cleanly (a proper last chunk):
     * the stream stops in the middle of an SSE event or NDJSON line and nothing else goes wrong.
     */
    TRUNCATED_SSE {
        @Override
        Route around(Route chat) {
            return new TruncatedStreamRoute(chat);
        }
    };

    /** The route that answers a generating request under this fault, given the one that would have. */
    abstract Route around(Route chat);
}
