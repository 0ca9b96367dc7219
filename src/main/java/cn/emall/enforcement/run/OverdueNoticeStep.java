package cn.emall.enforcement.run;

import cn.emall.enforcement.model.OverdueNoticeRule;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.time.BusinessDates;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 4 (未在规定时间处理和反馈): see {@link OverdueNoticeRule}. One dishonesty entry (记失信1次) and
 * the penalty points, once per notice (the credit entry is unique per notice), and the notice is
 * marked ordered to correct (责令纠正).
 */
@ApplicationScoped
public class OverdueNoticeStep implements CleanupStep {

    private static final String OVERDUE = "n.kind in ('RECTIFICATION', 'PROCESSING') and n.deadline < ? "
            + "and (n.status = 'OPEN' or (n.status = 'HANDLED' and n.handled_on > n.deadline)) "
            + "and not exists (select 1 from credit_entry c where c.notice_id = n.id)";

    private final Jdbc jdbc;
    private final BusinessDates dates;

    public OverdueNoticeStep(Jdbc jdbc, BusinessDates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    @Override
    public String rule() {
        return OverdueNoticeRule.NAME;
    }

    @Override
    public String action() {
        return "DEDUCT_CREDIT";
    }

    @Override
    public List<Candidate> select(RunContext run) {
        return jdbc.list("select n.id, n.supplier_id, n.kind, n.notice_date, n.deadline, n.handled_on, n.product_id "
                        + "from notice n where " + OVERDUE + " and not (n.supplier_id = any(?)) order by n.id",
                rs -> {
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("noticeId", rs.getLong(1));
                    evidence.put("kind", rs.getString(3));
                    evidence.put("noticeDate", rs.getObject(4, LocalDate.class).toString());
                    evidence.put("deadline", rs.getObject(5, LocalDate.class).toString());
                    LocalDate handled = rs.getObject(6, LocalDate.class);
                    evidence.put("handledOn", handled == null ? null : handled.toString());
                    evidence.put("points", -run.settings.overduePenaltyPoints());
                    evidence.put("creditYear", run.asOf.getYear());
                    long product = rs.getLong(7);
                    Long productId = rs.wasNull() ? null : product;
                    return new Candidate(rs.getLong(2), productId, rs.getLong(1), evidence, null);
                }, run.asOf, run.terminatedSuppliers);
    }

    @Override
    public List<Candidate> apply(RunContext run, List<Candidate> chunk) {
        List<Long> noticeIds = chunk.stream().map(Candidate::noticeId).toList();
        List<Long> penalised = jdbc.list("insert into credit_entry (supplier_id, entry_date, points, reason, notice_id, run_id, created_at) "
                        + "select n.supplier_id, ?, ?, '记失信1次: 通知 #' || n.id || ' 未在规定时间(截至' || n.deadline || ')处理和反馈，扣' || ? || '分，责令纠正', "
                        + "n.id, ?, ? from notice n where n.id = any(?) and " + OVERDUE
                        + " on conflict (notice_id) do nothing returning notice_id",
                rs -> rs.getLong(1), run.asOf, -run.settings.overduePenaltyPoints(), run.settings.overduePenaltyPoints(),
                run.runId, dates.now(), noticeIds, run.asOf);
        jdbc.update("update notice set ordered_to_correct = true, status = case when status = 'OPEN' then 'OVERDUE' else status end "
                + "where id = any(?)", penalised);
        jdbc.update("insert into audit_entry (at, actor, action, subject, before, after) "
                        + "select ?, ?, 'CREDIT_DEDUCTED', 'notice/' || id, null, jsonb_build_object('points', ?::int, "
                        + "'orderedToCorrect', true) from unnest(?::bigint[]) as id",
                dates.now(), run.actor, -run.settings.overduePenaltyPoints(), penalised);
        return chunk.stream().filter(c -> penalised.contains(c.noticeId())).toList();
    }
}
