package cn.emall.enforcement.run;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The body of {@code POST /api/v1/cleanup-runs}: a manual run, as of a date (today when left out), real or dry. */
@Schema(description = "A manual cleanup run: as of a date (today when left out), real or dry")
public record RunRequest(LocalDate asOf, @NotNull Boolean dryRun) {
}
