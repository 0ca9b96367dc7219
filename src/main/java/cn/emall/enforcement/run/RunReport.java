package cn.emall.enforcement.run;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A run's report: when, for which date, dry or real, who started it, counts per rule, each action
 * with its evidence (the first {@code emall.cleanup.report-action-limit}; all of them are paged at
 * {@code .../actions} and in the CSV and XLSX downloads), warnings and failures.
 */
public record RunReport(long id, LocalDate asOf, boolean dryRun, String trigger, String startedBy, OffsetDateTime startedAt,
                        OffsetDateTime finishedAt, String status, Map<String, Long> counts, long actionsTotal,
                        List<Action> actions, JsonNode warnings, JsonNode failures) {

    /** One action and the evidence that decided it. */
    public record Action(long id, String rule, String action, long supplierId, String supplierName, String creditCode,
                         Long productId, String listing, Long noticeId, JsonNode evidence, LocalDate deadline) {
    }
}
