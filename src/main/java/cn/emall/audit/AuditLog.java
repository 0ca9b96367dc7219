package cn.emall.audit;

import cn.emall.platform.db.Jdbc;
import cn.emall.platform.web.JsonText;
import cn.emall.platform.web.Params;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit trail, newest first: for the API ({@code GET /api/v1/audit}) and the console's 审计 page. */
@ApplicationScoped
public class AuditLog {

    /**
     * Which entries: a subject ({@code supplier/12}) or, ending in '/', a type of subject ({@code supplier/});
     * an actor (its username, any case); entries from {@code from} (included) to {@code until} (excluded).
     * Null for any.
     */
    public record Filter(String subject, String actor, Instant from, Instant until) {

        public static Filter ofSubject(String subject) {
            return new Filter(subject, null, null, null);
        }
    }

    private record Where(String sql, List<Object> parameters) {
    }

    private final Jdbc jdbc;
    private final JsonText json;

    public AuditLog(Jdbc jdbc, JsonText json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<AuditEntryView> entries(Filter filter, int limit, long offset) {
        Where where = where(filter);
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(limit);
        parameters.add(offset);
        return jdbc.list("select id, at, actor, action, subject, cast(before as text), cast(after as text) from audit_entry"
                + where.sql() + " order by id desc limit ? offset ?", rs -> new AuditEntryView(rs.getLong(1),
                rs.getTimestamp(2).toInstant().atOffset(ZoneOffset.UTC), rs.getString(3), rs.getString(4), rs.getString(5),
                json.tree(rs.getString(6)), json.tree(rs.getString(7))), parameters.toArray());
    }

    public long count(Filter filter) {
        Where where = where(filter);
        return jdbc.count("select count(*) from audit_entry" + where.sql(), where.parameters().toArray());
    }

    private static Where where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        String subject = filter.subject() == null ? null : filter.subject().trim();
        if (subject != null && !subject.isEmpty()) {
            conditions.add(subject.endsWith("/") ? "subject like ? escape '\\'" : "subject = ?");
            parameters.add(subject.endsWith("/") ? Params.likeLiteral(subject) + "%" : subject);
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            conditions.add("upper(actor) = upper(?)");
            parameters.add(filter.actor().trim());
        }
        if (filter.from() != null) {
            conditions.add("at >= ?");
            parameters.add(Timestamp.from(filter.from()));
        }
        if (filter.until() != null) {
            conditions.add("at < ?");
            parameters.add(Timestamp.from(filter.until()));
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
    }
}
