package cn.emall.sandbox;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** The body of {@code PUT /api/v1/sandbox/clock}: the instant the business clock moves to. */
@Schema(name = ClockRequest.SCHEMA, description = "The instant the business clock moves to")
public record ClockRequest(@NotNull OffsetDateTime now) {

    static final String SCHEMA = "SandboxClockRequest";
}
