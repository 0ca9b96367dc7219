package cn.emall.enforcement.run;

import cn.emall.enforcement.Evidence;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A run's report: when, for which date, dry or real, who started it, counts per rule, each action
 * with its evidence (the first {@code emall.cleanup.report-action-limit}; all of them are paged at
 * {@code .../actions} and in the CSV and XLSX downloads), warnings and failures.
 */
@Schema(description = "A cleanup run's report: when, for which date, dry or real, who started it, counts per rule, its actions "
        + "with their evidence, warnings and failures")
public record RunReport(long id, LocalDate asOf, boolean dryRun,
                        @Schema(description = "SCHEDULED (the nightly job) or MANUAL (POST /api/v1/cleanup-runs)") String trigger,
                        String startedBy, OffsetDateTime startedAt,
                        @Schema(nullable = true, description = "null while the run is working") OffsetDateTime finishedAt,
                        @Schema(description = "RUNNING or COMPLETED") String status,
                        @Schema(description = "Actions per rule") Map<String, Long> counts, long actionsTotal,
                        @Schema(nullable = true, description = "The first actions (emall.cleanup.report-action-limit), in "
                                + "GET /api/v1/cleanup-runs/{id}; null in the list of reports; all of them at .../actions")
                        List<Action> actions,
                        @Schema(type = SchemaType.ARRAY, implementation = String.class,
                                description = "What the run noticed and went on with, one line each") JsonNode warnings,
                        @Schema(type = SchemaType.ARRAY, implementation = Failure.class,
                                description = "The subjects the run could not handle; the next run tries them "
                                        + "again") JsonNode failures) {

    /** One action and the evidence that decided it. */
    @Schema(name = "RunAction", description = "One action of a cleanup run: the rule, what it did to which supplier or "
            + "listing, and the evidence that decided it")
    public record Action(long id, String rule, String action, long supplierId, String supplierName, String creditCode,
                         @Schema(nullable = true, description = "The listing acted on; null for an action on the supplier")
                         Long productId,
                         @Schema(nullable = true, description = "That listing's brand and model; null for an action on the "
                                 + "supplier")
                         String listing,
                         @Schema(nullable = true, description = "The notice issued or acted on; null when none") Long noticeId,
                         @Schema(implementation = Evidence.class) JsonNode evidence,
                         @Schema(nullable = true, description = "The deadline of the notice issued; null when "
                                 + "none") LocalDate deadline) {
    }

    /** A subject a run could not handle, as stored with the run. */
    @Schema(name = "RunFailure", description = "A subject a cleanup run could not handle, and why")
    public record Failure(String rule, long supplierId,
                          @Schema(nullable = true) Long productId, @Schema(nullable = true) Long noticeId, String error) {
    }
}
