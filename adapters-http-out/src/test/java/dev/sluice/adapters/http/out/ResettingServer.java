package dev.sluice.adapters.http.out;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;

/**
 * Accepts one connection and resets it (RST, not FIN) before answering, as a crashing backend or a firewall
 * does. Plain sockets, because no HTTP server lets a handler reset its own connection.
 */
final class ResettingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;

    ResettingServer() {
        try {
            socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::resetOne, "resetting-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    private void resetOne() {
        try (Socket connection = socket.accept()) {
            // Wait for the request so the client is reading when the reset arrives.
            connection.getInputStream().read(new byte[1024]);
            connection.setSoLinger(true, 0);
        } catch (IOException closedByTest) {
            // close() ends the accept; nothing to report.
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
