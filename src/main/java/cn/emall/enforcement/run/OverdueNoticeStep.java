package cn.emall.enforcement.run;

import cn.emall.credit.CreditEntries;
import cn.emall.enforcement.NoticeTexts;
import cn.emall.enforcement.Notices;
import cn.emall.enforcement.model.OverdueNoticeRule;
import cn.emall.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 4 (未在规定时间处理和反馈): see {@link OverdueNoticeRule}. One dishonesty entry (记失信1次) and
 * the penalty points, once per notice (the credit entry is unique per notice), and the notice is
 * marked ordered to correct (责令纠正).
 */
@ApplicationScoped
public class OverdueNoticeStep implements CleanupStep {

    /** The rule's criteria on a notice {@code n}; parameter: the run date. */
    static final String OVERDUE = "n.kind in " + Jdbc.literals(OverdueNoticeRule.KINDS) + " and n.deadline < ? "
            + "and (n.status in " + Jdbc.literals(OverdueNoticeRule.UNANSWERED) + " or (n.status in "
            + Jdbc.literals(OverdueNoticeRule.ANSWERED) + " and n.handled_on > n.deadline)) "
            + "and not exists (select 1 from credit_entry c where c.notice_id = n.id)";

    private final Jdbc jdbc;
    private final CreditEntries credit;
    private final Notices notices;

    public OverdueNoticeStep(Jdbc jdbc, CreditEntries credit, Notices notices) {
        this.jdbc = jdbc;
        this.credit = credit;
        this.notices = notices;
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

    /** Under the notices' locks (an answer takes its notice's), each still overdue costs its points once. */
    @Override
    public List<Candidate> apply(RunContext run, List<Candidate> chunk) {
        int points = run.settings.overduePenaltyPoints();
        List<CreditEntries.Deduction> deductions = jdbc.list("select n.id, n.supplier_id, n.deadline from notice n "
                        + "where n.id = any(?) and " + OVERDUE + " order by n.id for update",
                rs -> new CreditEntries.Deduction(rs.getLong(2), rs.getLong(1),
                        NoticeTexts.overdueCreditReason(rs.getLong(1), rs.getObject(3, LocalDate.class), points)),
                chunk.stream().map(Candidate::noticeId).toList(), run.asOf);
        Set<Long> penalised = new HashSet<>(credit.deduct(run.actor, deductions, run.asOf, points, run.runId));
        notices.orderToCorrect(penalised);
        return chunk.stream().filter(candidate -> penalised.contains(candidate.noticeId())).toList();
    }
}
