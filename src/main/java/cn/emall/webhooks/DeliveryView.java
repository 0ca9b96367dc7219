package cn.emall.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One event (or test message) for one receiver, and every attempt to deliver it. */
@Schema(name = "WebhookDelivery", description = "One event (or test message) for a receiver and every attempt to deliver it")
public record DeliveryView(long id, @Schema(description = "The event's id: the webhook-id header") UUID eventId,
                           @Schema(example = "listing.taken-down") String eventType,
                           @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
                           OffsetDateTime createdAt,
                           @Schema(nullable = true) OffsetDateTime deliveredAt,
                           List<Attempt> attempts) {

    @Schema(name = "WebhookAttempt", description = "One request to the receiver: when, its status code or the error, and how "
            + "long it took")
    public record Attempt(OffsetDateTime at,
                          @Schema(nullable = true, description = "The receiver's HTTP status; null when there was no answer")
                          Integer statusCode,
                          @Schema(nullable = true, description = "What went wrong without an answer (refused address, "
                                  + "timeout, connection refused)") String error,
                          long durationMs) {
    }
}
