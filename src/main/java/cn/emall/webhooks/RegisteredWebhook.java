package cn.emall.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** The answer to a registration: the receiver and its signing secret, shown this once. */
@Schema(name = "RegisteredWebhook", description = "The receiver just registered and its signing secret (whsec_ and the "
        + "base64 of the key), shown only in this answer")
public record RegisteredWebhook(long id, String url, List<String> events, @Schema(nullable = true) String description,
                                String status, OffsetDateTime createdAt,
                                @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {
}
