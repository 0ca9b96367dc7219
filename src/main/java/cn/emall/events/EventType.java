package cn.emall.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Arrays;
import java.util.Optional;

/** What an event says happened; its {@link #wire()} name is what the feed and webhooks carry. */
@Schema(name = "EventType", description = "The kinds of events of the change feed and webhooks")
public enum EventType {
    SUPPLIER_APPLIED("supplier.applied"),
    SUPPLIER_ADMITTED("supplier.admitted"),
    SUPPLIER_REJECTED("supplier.rejected"),
    SUPPLIER_TERMINATED("supplier.terminated"),
    SUPPLIER_SUSPENSION_ENDED("supplier.suspension-ended"),
    LISTING_LISTED("listing.listed"),
    LISTING_TAKEN_DOWN("listing.taken-down"),
    LISTING_RELISTED("listing.relisted"),
    LISTING_WITHDRAWN("listing.withdrawn"),
    LISTING_DELISTED("listing.delisted"),
    NOTICE_ISSUED("notice.issued"),
    NOTICE_DEADLINE_CHANGED("notice.deadline-changed"),
    NOTICE_CLOSED("notice.closed"),
    APPEAL_FILED("appeal.filed"),
    APPEAL_DECIDED("appeal.decided"),
    CREDIT_DEDUCTED("credit.deducted"),
    RUN_FINISHED("run.finished");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    /** The name on the wire, such as {@code listing.taken-down}. */
    public String wire() {
        return wire;
    }

    public static Optional<EventType> ofWire(String name) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(name)).findFirst();
    }
}
