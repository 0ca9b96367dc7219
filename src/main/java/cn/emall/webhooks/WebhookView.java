package cn.emall.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** A registered receiver, without its secret. */
@Schema(name = "Webhook", description = "A registered receiver: where events are sent, which types, and whether it still "
        + "receives (DISABLED after it answered 410 Gone or failed every attempt of the retry schedule)")
public record WebhookView(long id, String url, List<String> events,
                          @Schema(nullable = true) String description,
                          @Schema(enumeration = {"ACTIVE", "DISABLED"}) String status,
                          @Schema(nullable = true, enumeration = {"GONE", "RETRIES_SPENT"},
                                  description = "Why it no longer receives: GONE (it answered 410), RETRIES_SPENT (an event "
                                          + "failed every attempt)") String disabledReason,
                          @Schema(nullable = true) OffsetDateTime disabledAt,
                          OffsetDateTime createdAt, String createdBy,
                          @Schema(description = "Events queued for it and not yet delivered") long pendingDeliveries) {
}
