package cn.emall.enforcement;

import cn.emall.enforcement.model.NoticeKind;
import cn.emall.enforcement.model.NoticeStatus;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.Params;
import cn.emall.platform.time.BusinessDates;
import cn.emall.text.Msg;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The public announcement board (公示), read: delisting notices and terminations, newest first,
 * searched by the supplier's name or credit code and filtered by status. The one read of the board:
 * the JSON API and the web pages both go through it.
 */
@ApplicationScoped
public class Announcements {

    /** The longest search text the board takes. */
    public static final int MAX_QUERY_LENGTH = 100;

    private static final String FROM = "from notice n join supplier s on s.id = n.supplier_id "
            + "left join appeal a on a.notice_id = n.id where n.kind = '" + NoticeKind.DELISTING + "' ";

    /** Matches the filter's three parameters: the status (twice), the name pattern and the credit-code pattern. */
    private static final String WHERE = "and (?::text is null or n.status = ?) "
            + "and (?::text is null or s.name ilike ? escape '\\' or s.credit_code like ? escape '\\') ";

    private static final String TERMINATED = "n.status = '" + NoticeStatus.TERMINATED + "'";

    private static final String UPDATED_AT = "greatest(n.created_at, a.filed_at, a.decided_at, "
            + "case when " + TERMINATED + " then timezone(?::text, s.terminated_on::timestamp) end)";

    private static final String COLUMNS = "n.id, s.name, s.credit_code, n.rule, (n.evidence ->> 'windowFrom')::date, "
            + "(n.evidence ->> 'windowTo')::date, n.notice_date, n.deadline, n.status, "
            + "case when " + TERMINATED + " then s.terminated_on end, "
            + "case when " + TERMINATED + " then s.suspended_until end, " + UPDATED_AT + " ";

    /**
     * Which announcements to show.
     *
     * @param query  part of the supplier's name (any case) or of its credit code; null for all
     * @param status one of {@link NoticeStatus#OF_DELISTING}; null for all
     */
    public record Filter(String query, NoticeStatus status) {

        public static final Filter ALL = new Filter(null, null);

        /**
         * The filter of the query parameters {@code q} and {@code status}: a blank one is absent; a status
         * a delisting notice cannot have, or a search text over {@link #MAX_QUERY_LENGTH} characters,
         * answers 400 naming the parameter.
         */
        public static Filter of(String q, String status) {
            List<InvalidField> errors = new ArrayList<>();
            String query = q == null || q.isBlank() ? null : q.strip();
            if (query != null && query.codePointCount(0, query.length()) > MAX_QUERY_LENGTH) {
                errors.add(new InvalidField("q", Msg.AT_MOST_CHARACTERS.with(MAX_QUERY_LENGTH)));
            }
            NoticeStatus wanted = null;
            String word = Params.upperWord(status);
            if (word != null) {
                wanted = NoticeStatus.OF_DELISTING.stream().filter(s -> s.name().equals(word)).findFirst().orElse(null);
                if (wanted == null) {
                    errors.add(new InvalidField("status", Msg.MUST_BE_ONE_OF.with(
                            NoticeStatus.OF_DELISTING.stream().map(Enum::name).toList())));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return new Filter(query, wanted);
        }

        private Object[] parameters() {
            String statusName = status == null ? null : status.name();
            String pattern = query == null ? null : "%" + Params.likeLiteral(query) + "%";
            return new Object[] {statusName, statusName, pattern, pattern,
                    pattern == null ? null : pattern.toUpperCase(Locale.ROOT)};
        }
    }

    private final Jdbc jdbc;
    private final BusinessDates dates;

    public Announcements(Jdbc jdbc, BusinessDates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    /** A page of the announcements the filter selects, newest notice first. */
    public List<Announcement> list(Filter filter, PageRequest paging) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(dates.zone().getId());
        parameters.addAll(Arrays.asList(filter.parameters()));
        parameters.add(paging.size());
        parameters.add(paging.offset());
        return jdbc.list("select " + COLUMNS + FROM + WHERE + "order by n.id desc limit ? offset ?", this::announcement,
                parameters.toArray());
    }

    /** How many announcements the filter selects. */
    public long count(Filter filter) {
        return jdbc.count("select count(*) " + FROM + WHERE, filter.parameters());
    }

    /** The announcement of a delisting notice; empty for any other notice or none. */
    public Optional<Announcement> one(long noticeId) {
        return jdbc.one("select " + COLUMNS + FROM + "and n.id = ?", this::announcement, dates.zone().getId(), noticeId);
    }

    /** When the board last changed: the latest {@link Announcement#updatedAt()}; empty while it is empty. */
    public Optional<OffsetDateTime> lastUpdated() {
        return jdbc.one("select max(" + UPDATED_AT + ") " + FROM, rs -> rs.getTimestamp(1) == null ? null
                : dates.local(rs.getTimestamp(1).toInstant()), dates.zone().getId());
    }

    private Announcement announcement(ResultSet rs) throws SQLException {
        return new Announcement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class), rs.getString(9), rs.getObject(10, LocalDate.class),
                rs.getObject(11, LocalDate.class), dates.local(rs.getTimestamp(12).toInstant()));
    }
}
