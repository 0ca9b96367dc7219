package cn.emall.enforcement.run;

import cn.emall.catalog.ListingChanges;
import cn.emall.catalog.ProductStatus;
import cn.emall.enforcement.NoticeTexts;
import cn.emall.enforcement.Notices;
import cn.emall.enforcement.model.Window;
import cn.emall.enforcement.model.ZeroVolumeProductRule;
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
 * Step 3 (连续12个月销售量为零): see {@link ZeroVolumeProductRule}. The listing is taken down (整改下架)
 * and the supplier gets a rectification notice: correct and relist it, or withdraw it, within the
 * response period.
 */
@ApplicationScoped
public class ZeroVolumeProductStep implements CleanupStep {

    /** The rule's criteria; parameters: listed on or before, window from, window to. */
    static final String CAUGHT = "p.status = '" + ProductStatus.LISTED + "' and p.listed_on <= ? and not exists "
            + "(select 1 from sales_daily f where f.product_id = p.id and f.day between ? and ? and f.net_quantity > 0)";

    private final Jdbc jdbc;
    private final ListingChanges listings;
    private final Notices notices;
    private final JsonText json;

    public ZeroVolumeProductStep(Jdbc jdbc, ListingChanges listings, Notices notices, JsonText json) {
        this.jdbc = jdbc;
        this.listings = listings;
        this.notices = notices;
        this.json = json;
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
                        + "join supplier s on s.id = p.supplier_id and s.status = '" + SupplierStatus.ACTIVE + "' "
                        + "where " + CAUGHT + " and not (p.supplier_id = any(?)) order by p.supplier_id, p.id",
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

    /** Under the suppliers' locks (a sale holds its supplier's), the listings still caught are taken down. */
    @Override
    public List<Candidate> apply(RunContext run, List<Candidate> chunk) {
        ZeroVolumeProductRule rule = new ZeroVolumeProductRule(run.settings);
        Window window = rule.window(run.asOf);
        LocalDate deadline = chunk.get(0).deadline();
        List<Long> ids = chunk.stream().map(Candidate::productId).toList();
        jdbc.list("select id from supplier where id in (select supplier_id from product where id = any(?)) order by id for update",
                rs -> rs.getLong(1), ids);
        List<Long> caught = jdbc.list("select p.id from product p where p.id = any(?) and " + CAUGHT, rs -> rs.getLong(1), ids,
                rule.listedOnOrBefore(run.asOf), window.from(), window.to());
        String reason = NoticeTexts.zeroVolumeReason(run.settings.zeroVolumeMonths(), window);
        Set<Long> takenDown = new HashSet<>(listings.takeDown(run.actor, caught, run.asOf, reason));
        List<Candidate> applied = chunk.stream().filter(candidate -> takenDown.contains(candidate.productId())).toList();
        Map<Long, Long> noticeByProduct = notices.issueRectifications(
                new Notices.Issue(run.actor, rule(), run.runId, run.asOf, run.settings.rectificationWorkingDays(), deadline),
                NoticeTexts.Rectification.of(reason, deadline, run.settings.overduePenaltyPoints()),
                applied.stream().map(Candidate::productId).toList(), applied.stream().map(Candidate::supplierId).toList(),
                applied.stream().map(candidate -> json.write(candidate.evidence())).toList());
        return applied.stream().map(candidate -> candidate.withNotice(noticeByProduct.get(candidate.productId()))).toList();
    }
}
