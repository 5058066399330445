package dev.sluice.benchmarks.mock;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Writes a streamed answer frame by frame, each write flushed before the next (as a token server does), pausing on
 * Jetty's scheduler so thousands of paced streams hold no thread. Frames are shared read-only arrays: each write
 * wraps them afresh.
 */
final class StreamWriter extends IteratingCallback {

    private final Response response;
    private final Callback done;
    private final Scheduler scheduler;
    private final Script script;
    private final byte[] opening;
    private final byte[] content;
    private final byte[][] closing;
    private int step;
    private int sent;
    private boolean pauseDue;

    StreamWriter(Response response, Callback done, Scheduler scheduler, Script script, byte[] opening, byte[] content,
                 byte[]... closing) {
        this.response = response;
        this.done = done;
        this.scheduler = scheduler;
        this.script = script;
        this.opening = opening;
        this.content = content;
        this.closing = closing;
        this.pauseDue = script.ttftMillis() > 0;
    }

    @Override
    protected Action process() {
        if (pauseDue) {
            pauseDue = false;
            long pause = sent == 0 ? script.ttftMillis() : script.delayMillis();
            scheduler.schedule(this::succeeded, pause, TimeUnit.MILLISECONDS);
            return Action.SCHEDULED;
        }
        // Steps: the opening frame (if any), the content chunks, the closing frames, then the empty last write.
        if (step == 0) {
            step = 1;
            if (opening != null) {
                response.write(false, ByteBuffer.wrap(opening), this);
                return Action.SCHEDULED;
            }
        }
        if (sent < script.chunks()) {
            sent++;
            pauseDue = script.delayMillis() > 0 && sent < script.chunks();
            response.write(false, ByteBuffer.wrap(content), this);
            return Action.SCHEDULED;
        }
        int closingIndex = step - 1;
        if (closingIndex < closing.length) {
            step++;
            response.write(false, ByteBuffer.wrap(closing[closingIndex]), this);
            return Action.SCHEDULED;
        }
        if (closingIndex == closing.length) {
            step++;
            response.write(true, ByteBuffer.allocate(0), this);
            return Action.SCHEDULED;
        }
        return Action.SUCCEEDED;
    }

    @Override
    protected void onCompleteSuccess() {
        done.succeeded();
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        done.failed(cause);
    }
}
