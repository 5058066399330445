package dev.sluice.adapters.http.in.dialect;

/** A request body that parses but does not make a valid request in its dialect: the client gets a 400. */
public final class InvalidRequest extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidRequest(String message) {
        super(message, null, false, false);
    }
}
