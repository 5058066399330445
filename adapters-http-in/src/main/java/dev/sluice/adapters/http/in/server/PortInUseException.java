package dev.sluice.adapters.http.in.server;

/** The listen address is taken: usually another proxy (or Olla itself) already runs there. */
public final class PortInUseException extends Exception {

    public PortInUseException(String host, int port, Throwable cause) {
        super("cannot listen on " + host + ":" + port + ": the port is in use. Stop whatever holds it (ss -ltnp | grep "
                + port + "), or set server.port / OLLA_SERVER_PORT to a free port", cause);
    }
}
