package dev.sluice.application.translation;

import dev.sluice.domain.conversation.ReplyDelta;
import java.util.List;

/**
 * A front end's half of streamed translation: a state machine fed one dialect-neutral {@link ReplyDelta} at a
 * time, returning the client-dialect events it makes ready at once (never holding one back for a later delta).
 * Not thread-safe: one stream's events arrive in order from one upstream response.
 *
 * @param <E> the front end's event type
 */
public interface ReplyStream<E> {

    List<E> on(ReplyDelta delta);

    /** The upstream body ended; returns the closing events (or an error event if the answer was cut short). */
    List<E> end();
}
