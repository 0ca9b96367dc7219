package cn.emall.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code POST /api/v1/webhooks}. */
@Schema(name = "WebhookRequest", description = "A receiver to register: where to send, which event types, and a note for officers")
public record WebhookRequest(
        @NotBlank @Size(max = 2000)
        @Schema(example = "https://integrator.example.cn/emall/webhooks", description = "An https URL whose host resolves to "
                + "public addresses only (hosts in emall.webhooks.allow-insecure-hosts excepted)") String url,
        @NotNull @Size(min = 1, max = 50)
        @Schema(description = "The event types to receive, such as listing.taken-down (docs/events.md lists them)")
        List<@NotBlank @Size(max = 40) String> events,
        @Size(max = 500) @Schema(nullable = true, description = "What the receiver is for") String description) {
}
