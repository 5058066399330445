package dev.sluice.adapters.http.out;

import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Answers 200 and writes 8 KiB chunks until the client hangs up, as a health route that streams events would;
 * {@link #hungUp} opens when a write finally fails.
 */
final class EndlessBody implements StubServer.Answer {

    private static final ByteBuffer CHUNK = ByteBuffer.wrap(new byte[8 * 1024]);

    final CountDownLatch hungUp = new CountDownLatch(1);
    final AtomicLong written = new AtomicLong();

    @Override
    public void answer(Request request, Response response, Callback callback) {
        response.setStatus(200);
        new IteratingCallback() {
            @Override
            protected Action process() {
                written.addAndGet(CHUNK.capacity());
                response.write(false, CHUNK.slice(), this);
                return Action.SCHEDULED;
            }

            @Override
            protected void onCompleteFailure(Throwable cause) {
                hungUp.countDown();
                callback.failed(cause);
            }
        }.iterate();
    }
}
