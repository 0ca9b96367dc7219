package cn.emall.enforcement.run;

import cn.emall.platform.db.Jdbc;
import cn.emall.supplier.SupplierStatus;
import cn.emall.supplier.SupplierTerminations;
import cn.emall.supplier.model.Suspension;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Step 5: suspensions that have ended ({@link Suspension#ended}) are marked, so that the supplier may apply again. */
@ApplicationScoped
public class SuspensionEndedStep implements CleanupStep {

    private final Jdbc jdbc;
    private final SupplierTerminations terminations;

    public SuspensionEndedStep(Jdbc jdbc, SupplierTerminations terminations) {
        this.jdbc = jdbc;
        this.terminations = terminations;
    }

    @Override
    public String rule() {
        return Suspension.ENDED_RULE;
    }

    @Override
    public String action() {
        return "END_SUSPENSION";
    }

    @Override
    public List<Candidate> select(RunContext run) {
        return jdbc.list("select id, terminated_on, suspended_until from supplier where status = '" + SupplierStatus.TERMINATED
                        + "' and not suspension_ended and suspended_until < ? order by id",
                rs -> {
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("terminatedOn", rs.getObject(2, LocalDate.class).toString());
                    LocalDate until = rs.getObject(3, LocalDate.class);
                    evidence.put("suspendedUntil", until.toString());
                    evidence.put("mayApplyFrom", Suspension.mayApplyFrom(until).toString());
                    return new Candidate(rs.getLong(1), null, null, evidence, null);
                }, run.asOf);
    }

    @Override
    public List<Candidate> apply(RunContext run, List<Candidate> chunk) {
        Set<Long> ended = new HashSet<>(terminations.endSuspensions(run.actor, chunk.stream().map(Candidate::supplierId).toList(),
                run.asOf));
        return chunk.stream().filter(candidate -> ended.contains(candidate.supplierId())).toList();
    }
}
