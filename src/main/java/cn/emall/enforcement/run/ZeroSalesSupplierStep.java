package cn.emall.enforcement.run;

import cn.emall.enforcement.NoticeTexts;
import cn.emall.enforcement.Notices;
import cn.emall.enforcement.model.Window;
import cn.emall.enforcement.model.ZeroSalesSupplierRule;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.web.JsonText;
import cn.emall.supplier.SupplierStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 2 (连续2年销售业绩为零): see {@link ZeroSalesSupplierRule}. Zero net sales means no day of the
 * window with a positive net in the sales facts, a probe of an index per supplier: the cost follows
 * the number of suppliers, not of ledger lines. The notice goes on the public board and the supplier
 * may appeal within 3 working days of receiving it (the run date).
 */
@ApplicationScoped
public class ZeroSalesSupplierStep implements CleanupStep {

    /** The rule's criteria; parameters: admitted on or before, window from, window to. */
    static final String CAUGHT = "s.status = '" + SupplierStatus.ACTIVE + "' and s.admitted_on <= ? "
            + "and not exists (select 1 from sales_daily f where f.supplier_id = s.id and f.day between ? and ? and f.net_amount > 0) "
            + "and not exists (select 1 from notice n where n.supplier_id = s.id and n.kind = '" + ZeroSalesSupplierRule.NOTICE_KIND
            + "' and n.status in " + Jdbc.literals(ZeroSalesSupplierRule.BLOCKED_BY) + ")";

    private final Jdbc jdbc;
    private final Notices notices;
    private final JsonText json;

    public ZeroSalesSupplierStep(Jdbc jdbc, Notices notices, JsonText json) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.json = json;
    }

    @Override
    public String rule() {
        return ZeroSalesSupplierRule.NAME;
    }

    @Override
    public String action() {
        return "ISSUE_DELISTING_NOTICE";
    }

    @Override
    public List<Candidate> select(RunContext run) {
        ZeroSalesSupplierRule rule = new ZeroSalesSupplierRule(run.settings);
        Window window = rule.window(run.asOf);
        LocalDate deadline = run.workingDaysAfterRunDate(run.settings.appealWorkingDays());
        boolean provisional = run.provisional(run.settings.appealWorkingDays());
        return jdbc.list("select s.id, s.admitted_on from supplier s where " + CAUGHT + " and not (s.id = any(?)) order by s.id",
                rs -> {
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("windowFrom", window.from().toString());
                    evidence.put("windowTo", window.to().toString());
                    evidence.put("admittedOn", rs.getObject(2, LocalDate.class).toString());
                    evidence.put("netSalesAmount", "0.00");
                    evidence.put("appealDeadline", deadline.toString());
                    evidence.put("deadlineProvisional", provisional);
                    return new Candidate(rs.getLong(1), null, null, evidence, deadline);
                }, rule.admittedOnOrBefore(run.asOf), window.from(), window.to(), run.terminatedSuppliers);
    }

    /** Under the suppliers' locks (a sale holds its supplier's), the ones still caught get their notice. */
    @Override
    public List<Candidate> apply(RunContext run, List<Candidate> chunk) {
        ZeroSalesSupplierRule rule = new ZeroSalesSupplierRule(run.settings);
        Window window = rule.window(run.asOf);
        LocalDate deadline = chunk.get(0).deadline();
        List<Long> ids = chunk.stream().map(Candidate::supplierId).toList();
        jdbc.list("select id from supplier where id = any(?) order by id for update", rs -> rs.getLong(1), ids);
        Set<Long> caught = new HashSet<>(jdbc.list("select s.id from supplier s where s.id = any(?) and " + CAUGHT,
                rs -> rs.getLong(1), ids, rule.admittedOnOrBefore(run.asOf), window.from(), window.to()));
        List<Candidate> stillCaught = chunk.stream().filter(candidate -> caught.contains(candidate.supplierId())).toList();
        Map<Long, Long> noticeBySupplier = notices.issueDelisting(
                new Notices.Issue(run.actor, rule(), run.runId, run.asOf, run.settings.appealWorkingDays(), deadline),
                NoticeTexts.delistingSubject(run.settings.zeroSalesYears()),
                NoticeTexts.delistingBody(window, deadline, run.settings.appealWorkingDays()),
                stillCaught.stream().map(Candidate::supplierId).toList(),
                stillCaught.stream().map(candidate -> json.write(candidate.evidence())).toList());
        return stillCaught.stream().filter(candidate -> noticeBySupplier.containsKey(candidate.supplierId()))
                .map(candidate -> candidate.withNotice(noticeBySupplier.get(candidate.supplierId()))).toList();
    }
}
