package cn.emall.events;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** An event as the feed and webhooks carry it. */
@Schema(name = "Event", description = "A change of state: its id (the receiver's idempotency key), type, when it happened, "
        + "what it is about, and what a receiver needs to act without calling back")
public record EventView(UUID id, @Schema(example = "listing.taken-down") String type, OffsetDateTime occurredAt,
                        Subject subject,
                        @Schema(type = SchemaType.OBJECT, description = "The event's facts; their members depend on the type "
                                + "(docs/events.md)")
                        Map<String, Object> data) {

    @Schema(name = "EventSubject", description = "What the event is about: its kind (supplier, product, notice, appeal, "
            + "credit, run) and id")
    public record Subject(String kind, String id) {
    }
}
