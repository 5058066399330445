package dev.sluice.adapters.http.in.proxy;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.ee10.proxy.AsyncMiddleManServlet.ContentTransformer;

/** Hands what another transformer sends the client to the inspector as well, without delaying it. */
final class CapturingTransformer implements ContentTransformer {

    private final ContentTransformer delegate;
    private final Inspector.Capture capture;

    CapturingTransformer(ContentTransformer delegate, Inspector.Capture capture) {
        this.delegate = delegate;
        this.capture = capture;
    }

    @Override
    public void transform(ByteBuffer input, boolean finished, List<ByteBuffer> output) throws java.io.IOException {
        int before = output.size();
        delegate.transform(input, finished, output);
        for (int i = before; i < output.size(); i++) {
            capture.add(output.get(i));
        }
        if (finished) {
            capture.close();
        }
    }
}
