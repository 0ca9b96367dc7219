package cn.emall.enforcement.run;

import java.time.LocalDate;
import java.util.Map;

/**
 * A subject a rule selected, with the evidence that decided it: the supplier, and the listing or
 * notice concerned. {@code deadline} is the deadline the action sets, if any.
 */
public record Candidate(long supplierId, Long productId, Long noticeId, Map<String, Object> evidence, LocalDate deadline) {

    public Candidate withNotice(Long notice) {
        return new Candidate(supplierId, productId, notice, evidence, deadline);
    }
}
