package cn.emall.events;

import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.Roles;
import cn.emall.text.Msg;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

/** The change feed: every event, oldest first, for integrators that follow the e-mall. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {

    static final int MAX_LIMIT = 1000;

    private final EventFeed feed;

    public EventResource(EventFeed feed) {
        this.feed = feed;
    }

    @Schema(name = "EventPage", description = "Events after the cursor, oldest first, and the cursor to ask for the next ones "
            + "with (the same cursor when there are none yet)")
    public record EventPage(List<EventView> items, String next) {
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.ORDER_SYSTEM})
    @Operation(operationId = "listEvents", summary = "The change feed: events after the cursor, oldest first. Follow next: "
            + "every event comes once, a transaction's events together; events are kept 90 days")
    @APIResponse(responseCode = "200", description = "The events after the cursor and the next cursor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)))
    @APIResponse(responseCode = "410", description = "The cursor is older than the events kept (cursor-expired); oldest is "
            + "the cursor the feed now starts from")
    public EventPage list(@QueryParam("after") @Parameter(description = "The next of the previous page; absent for the oldest "
                                  + "event kept") String after,
                          @QueryParam("limit") @Parameter(description = "At most this many events, 1 to 1,000 (default 100)")
                          Integer limit) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid("limit", Msg.BETWEEN.with(1, MAX_LIMIT));
        }
        Optional<EventCursor> cursor = Optional.empty();
        if (after != null) {
            cursor = EventCursor.decode(after.strip());
            if (cursor.isEmpty()) {
                throw ProblemException.invalid("after", Msg.EVENT_CURSOR_MALFORMED.with());
            }
        }
        try {
            EventFeed.Page page = feed.after(cursor, size);
            return new EventPage(page.items().stream().map(EventFeed.Stored::view).toList(), page.next().encode());
        } catch (EventFeed.Expired e) {
            throw new ProblemException(410, "cursor-expired", Msg.EVENT_CURSOR_EXPIRED_TITLE,
                    Msg.EVENT_CURSOR_EXPIRED_DETAIL.with()).with("oldest", e.oldest().encode());
        }
    }
}
