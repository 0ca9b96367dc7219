package cn.emall.audit;

import cn.emall.platform.web.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Writes the audit trail: who did what to which subject, when, with the state before and after.
 * Call it inside the transaction that makes the change, so that both commit or neither does.
 */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager em;
    private final JsonText json;
    private final Clock clock;

    public AuditTrail(EntityManager em, JsonText json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param subject for example {@code supplier/12}; see {@link #subject(String, Object)}
     * @param before  the state before (any JSON-serialisable value), or null for a creation
     * @param after   the state after, or null
     */
    public void record(String actor, String action, String subject, Object before, Object after) {
        em.createNativeQuery("insert into audit_entry (at, actor, action, subject, before, after) "
                        + "values (?1, ?2, ?3, ?4, cast(?5 as jsonb), cast(?6 as jsonb))")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, actor)
                .setParameter(3, action)
                .setParameter(4, subject)
                .setParameter(5, json.write(before))
                .setParameter(6, json.write(after))
                .executeUpdate();
    }

    public static String subject(String type, Object id) {
        return type + "/" + id;
    }
}
