package cn.emall.audit;

import cn.emall.platform.db.Jdbc;
import cn.emall.platform.web.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes the audit trail: who did what to which subject, when, with the state before and after.
 * Call it inside the transaction that makes the change, so that both commit or neither does.
 */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager em;
    private final Jdbc jdbc;
    private final JsonText json;
    private final Clock clock;

    public AuditTrail(EntityManager em, Jdbc jdbc, JsonText json, Clock clock) {
        this.em = em;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** One entry of a bulk change: its subject (see {@link #subject(String, Object)}) and states. */
    public record Change(String subject, Object before, Object after) {
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

    /**
     * The same change made to many subjects of one type, in one statement however many they are:
     * {@code recordEach(actor, "SUSPENSION_ENDED", "supplier", ids, null, null)}.
     */
    public void recordEach(String actor, String action, String subjectType, Collection<Long> ids, Object before, Object after) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update("insert into audit_entry (at, actor, action, subject, before, after) "
                        + "select ?, ?, ?, ? || '/' || id, cast(? as jsonb), cast(? as jsonb) from unnest(?::bigint[]) as id",
                clock.instant(), actor, action, subjectType, json.write(before), json.write(after), ids);
    }

    /** Changes of one kind, each with its own subject and states, in one statement. */
    public void recordAll(String actor, String action, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<String> subjects = new ArrayList<>(changes.size());
        List<String> befores = new ArrayList<>(changes.size());
        List<String> afters = new ArrayList<>(changes.size());
        for (Change change : changes) {
            subjects.add(change.subject());
            befores.add(json.write(change.before()));
            afters.add(json.write(change.after()));
        }
        jdbc.update("insert into audit_entry (at, actor, action, subject, before, after) "
                        + "select ?, ?, ?, t.subject, t.before::jsonb, t.after::jsonb "
                        + "from unnest(?::text[], ?::text[], ?::text[]) as t(subject, before, after)",
                clock.instant(), actor, action, subjects, befores, afters);
    }

    public static String subject(String type, Object id) {
        return type + "/" + id;
    }
}
