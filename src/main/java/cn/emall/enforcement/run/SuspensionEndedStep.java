package cn.emall.enforcement.run;

import cn.emall.platform.db.Jdbc;
import cn.emall.platform.time.BusinessDates;
import cn.emall.supplier.model.Suspension;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Step 5: suspensions that have ended are marked, so that the supplier may apply again. */
@ApplicationScoped
public class SuspensionEndedStep implements CleanupStep {

    private final Jdbc jdbc;
    private final BusinessDates dates;

    public SuspensionEndedStep(Jdbc jdbc, BusinessDates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
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
        return jdbc.list("select id, terminated_on, suspended_until from supplier where status = 'TERMINATED' "
                        + "and not suspension_ended and suspended_until < ? order by id",
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
        List<Long> ended = jdbc.list("update supplier set suspension_ended = true where id = any(?) and status = 'TERMINATED' "
                        + "and not suspension_ended and suspended_until < ? returning id", rs -> rs.getLong(1),
                chunk.stream().map(Candidate::supplierId).toList(), run.asOf);
        jdbc.update("insert into audit_entry (at, actor, action, subject, before, after) "
                + "select ?, ?, 'SUSPENSION_ENDED', 'supplier/' || id, null, null from unnest(?::bigint[]) as id",
                dates.now(), run.actor, ended);
        return chunk.stream().filter(c -> ended.contains(c.supplierId())).toList();
    }
}
