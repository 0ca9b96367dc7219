package cn.emall.enforcement.run;

import cn.emall.enforcement.model.Window;
import cn.emall.enforcement.model.ZeroSalesSupplierRule;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.time.BusinessDates;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 2 (连续2年销售业绩为零): see {@link ZeroSalesSupplierRule}. Zero net sales means no day of the
 * window with a positive net in the sales facts, a probe of an index per supplier: the cost follows
 * the number of suppliers, not of ledger lines. The notice goes on the public board and the supplier
 * may appeal within 3 working days of receiving it (the run date).
 */
@ApplicationScoped
public class ZeroSalesSupplierStep implements CleanupStep {

    private static final String NO_SALES = "not exists (select 1 from sales_daily f where f.supplier_id = s.id "
            + "and f.day between ? and ? and f.net_amount > 0)";
    private static final String NO_LIVE_NOTICE = "not exists (select 1 from notice n where n.supplier_id = s.id "
            + "and n.kind = 'DELISTING' and n.status in ('OPEN', 'APPEALED', 'APPEAL_REJECTED'))";

    private final Jdbc jdbc;
    private final BusinessDates dates;

    public ZeroSalesSupplierStep(Jdbc jdbc, BusinessDates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
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
        return jdbc.list("select s.id, s.admitted_on from supplier s where s.status = 'ACTIVE' and s.admitted_on <= ? and "
                        + NO_SALES + " and " + NO_LIVE_NOTICE + " and not (s.id = any(?)) order by s.id",
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

    @Override
    public List<Candidate> apply(RunContext run, List<Candidate> chunk) {
        ZeroSalesSupplierRule rule = new ZeroSalesSupplierRule(run.settings);
        Window window = rule.window(run.asOf);
        LocalDate deadline = chunk.get(0).deadline();
        List<Long> ids = chunk.stream().map(Candidate::supplierId).toList();
        jdbc.list("select id from supplier where id = any(?) order by id for update", rs -> rs.getLong(1), ids);
        List<long[]> issued = jdbc.list("insert into notice (supplier_id, kind, status, rule, notice_date, deadline, working_days, "
                        + "subject, body, evidence, issued_by, run_id, created_at) "
                        + "select s.id, 'DELISTING', 'OPEN', ?, ?, ?, ?, ?, ?, jsonb_build_object('windowFrom', ?::text, "
                        + "'windowTo', ?::text, 'admittedOn', s.admitted_on, 'netSalesAmount', '0.00'), ?, ?, ? "
                        + "from supplier s where s.id = any(?) and s.status = 'ACTIVE' and s.admitted_on <= ? and "
                        + NO_SALES + " and " + NO_LIVE_NOTICE
                        + " on conflict (supplier_id) where kind = 'DELISTING' and status in ('OPEN', 'APPEALED', 'APPEAL_REJECTED') "
                        + "do nothing returning id, supplier_id",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                rule(), run.asOf, deadline, run.settings.appealWorkingDays(), "清退公示: 连续" + run.settings.zeroSalesYears() + "年销售业绩为零",
                body(window, deadline, run.settings.appealWorkingDays()), window.from().toString(), window.to().toString(),
                run.actor, run.runId, dates.now(), ids, rule.admittedOnOrBefore(run.asOf), window.from(), window.to());
        Map<Long, Long> noticeBySupplier = new LinkedHashMap<>();
        issued.forEach(row -> noticeBySupplier.put(row[1], row[0]));
        jdbc.update("insert into audit_entry (at, actor, action, subject, before, after) "
                        + "select ?, ?, 'DELISTING_NOTICE_ISSUED', 'notice/' || id, null, jsonb_build_object('supplierId', supplier_id, "
                        + "'deadline', ?::text) from unnest(?::bigint[], ?::bigint[]) as t(id, supplier_id)",
                dates.now(), run.actor, deadline.toString(), List.copyOf(noticeBySupplier.values()),
                List.copyOf(noticeBySupplier.keySet()));
        return chunk.stream().filter(c -> noticeBySupplier.containsKey(c.supplierId()))
                .map(c -> c.withNotice(noticeBySupplier.get(c.supplierId()))).toList();
    }

    private static String body(Window window, LocalDate deadline, int workingDays) {
        return "经核查，贵单位在" + window.from() + "至" + window.to() + "期间销售业绩为零。根据电子卖场管理办法，拟终止入驻协议并予以清退。"
                + "如有异议，请自收到本通知之日起" + workingDays + "个工作日内（截至" + deadline
                + "日24时）提出申诉并提供证明材料；逾期未申诉或申诉不成立的，将终止入驻协议，一年内不得再次申请入驻。";
    }
}
