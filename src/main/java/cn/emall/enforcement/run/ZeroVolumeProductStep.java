package cn.emall.enforcement.run;

import cn.emall.enforcement.model.Window;
import cn.emall.enforcement.model.ZeroVolumeProductRule;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.time.BusinessDates;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 3 (连续12个月销售量为零): see {@link ZeroVolumeProductRule}. The listing is taken down (整改下架)
 * and the supplier gets a rectification notice: correct and relist it, or withdraw it, within the
 * response period.
 */
@ApplicationScoped
public class ZeroVolumeProductStep implements CleanupStep {

    private static final String NO_VOLUME = "not exists (select 1 from sales_daily f where f.product_id = p.id "
            + "and f.day between ? and ? and f.net_quantity > 0)";

    private final Jdbc jdbc;
    private final BusinessDates dates;

    public ZeroVolumeProductStep(Jdbc jdbc, BusinessDates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    @Override
    public String rule() {
        return ZeroVolumeProductRule.NAME;
    }

    @Override
    public String action() {
        return "TAKE_DOWN_LISTING";
    }

    @Override
    public List<Candidate> select(RunContext run) {
        ZeroVolumeProductRule rule = new ZeroVolumeProductRule(run.settings);
        Window window = rule.window(run.asOf);
        LocalDate deadline = run.workingDaysAfterRunDate(run.settings.rectificationWorkingDays());
        boolean provisional = run.provisional(run.settings.rectificationWorkingDays());
        return jdbc.list("select p.id, p.supplier_id, p.listed_on from product p "
                        + "join supplier s on s.id = p.supplier_id and s.status = 'ACTIVE' "
                        + "where p.status = 'LISTED' and p.listed_on <= ? and " + NO_VOLUME
                        + " and not (p.supplier_id = any(?)) order by p.supplier_id, p.id",
                rs -> {
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("windowFrom", window.from().toString());
                    evidence.put("windowTo", window.to().toString());
                    evidence.put("listedOn", rs.getObject(3, LocalDate.class).toString());
                    evidence.put("netQuantity", 0);
                    evidence.put("responseDeadline", deadline.toString());
                    evidence.put("deadlineProvisional", provisional);
                    return new Candidate(rs.getLong(2), rs.getLong(1), null, evidence, deadline);
                }, rule.listedOnOrBefore(run.asOf), window.from(), window.to(), run.terminatedSuppliers);
    }

    @Override
    public List<Candidate> apply(RunContext run, List<Candidate> chunk) {
        ZeroVolumeProductRule rule = new ZeroVolumeProductRule(run.settings);
        Window window = rule.window(run.asOf);
        LocalDate deadline = chunk.get(0).deadline();
        List<Long> ids = chunk.stream().map(Candidate::productId).toList();
        jdbc.list("select id from supplier where id in (select supplier_id from product where id = any(?)) order by id for update",
                rs -> rs.getLong(1), ids);
        String reason = "连续" + run.settings.zeroVolumeMonths() + "个月销售量为零 (" + window.from() + " - " + window.to() + ")";
        List<Long> takenDown = jdbc.list("update product p set status = 'TAKEN_DOWN', taken_down_on = ?, takedown_reason = ?, "
                        + "updated_at = ?, version = version + 1 where p.id = any(?) and p.status = 'LISTED' and p.listed_on <= ? and "
                        + NO_VOLUME + " returning p.id",
                rs -> rs.getLong(1), run.asOf, reason, dates.now(), ids, rule.listedOnOrBefore(run.asOf), window.from(),
                window.to());
        List<Candidate> applied = chunk.stream().filter(c -> takenDown.contains(c.productId())).toList();
        Map<Long, Long> noticeByProduct = new LinkedHashMap<>();
        jdbc.list("insert into notice (supplier_id, kind, status, rule, notice_date, deadline, working_days, product_id, subject, "
                        + "body, evidence, issued_by, run_id, created_at) "
                        + "select t.supplier_id, 'RECTIFICATION', 'OPEN', ?, ?, ?, ?, t.product_id, '整改通知: ' || p.brand || ' ' || p.model, "
                        + "'您的商品 ' || p.brand || ' ' || p.model || ' ' || ? || '，已整改下架。请于' || ?::text || "
                        + "'日24时前按品目标准参数体系修正后重新上架，或撤回该商品；逾期未处理的将记失信1次并扣分。', "
                        + "jsonb_build_object('windowFrom', ?::text, 'windowTo', ?::text, 'listedOn', p.listed_on, 'netQuantity', 0), "
                        + "?, ?, ? from unnest(?::bigint[], ?::bigint[]) as t(product_id, supplier_id) join product p on p.id = t.product_id "
                        + "on conflict (product_id) where kind = 'RECTIFICATION' and status = 'OPEN' do nothing returning id, product_id",
                rs -> noticeByProduct.put(rs.getLong(2), rs.getLong(1)),
                rule(), run.asOf, deadline, run.settings.rectificationWorkingDays(), reason, deadline.toString(), window.from().toString(), window.to().toString(),
                run.actor, run.runId, dates.now(), applied.stream().map(Candidate::productId).toList(),
                applied.stream().map(Candidate::supplierId).toList());
        jdbc.update("insert into audit_entry (at, actor, action, subject, before, after) "
                        + "select ?, ?, 'PRODUCT_TAKEN_DOWN', 'product/' || id, jsonb_build_object('status', 'LISTED'), "
                        + "jsonb_build_object('status', 'TAKEN_DOWN', 'reason', ?::text) from unnest(?::bigint[]) as id",
                dates.now(), run.actor, reason, applied.stream().map(Candidate::productId).toList());
        return applied.stream().map(c -> c.withNotice(noticeByProduct.get(c.productId()))).toList();
    }
}
