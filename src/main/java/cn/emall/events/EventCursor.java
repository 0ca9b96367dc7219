package cn.emall.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the feed: the transaction that wrote an event and the event's position in the
 * outbox. The feed runs in (tx, position) order; a cursor is opaque to readers.
 */
public record EventCursor(long tx, long position) implements Comparable<EventCursor> {

    public static final EventCursor START = new EventCursor(0, 0);

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:" + tx + ":" + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor, or empty when the text is not one this service wrote. */
    public static Optional<EventCursor> decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 3 || !parts[0].equals("v1")) {
                return Optional.empty();
            }
            long tx = Long.parseLong(parts[1]);
            long position = Long.parseLong(parts[2]);
            return tx < 0 || position < 0 ? Optional.empty() : Optional.of(new EventCursor(tx, position));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(EventCursor other) {
        int byTx = Long.compare(tx, other.tx);
        return byTx != 0 ? byTx : Long.compare(position, other.position);
    }
}
