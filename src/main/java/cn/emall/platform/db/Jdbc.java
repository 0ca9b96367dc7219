package cn.emall.platform.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Plain SQL for set-based work: statements with positional parameters on the connection of the
 * current transaction. A {@link Collection} parameter is sent as a PostgreSQL array (use
 * {@code = any(?)}), of bigint for numbers and text otherwise.
 */
@ApplicationScoped
public class Jdbc {

    /** Maps the current row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    public Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, parameters);
            List<T> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(row.map(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + firstLine(sql), e);
        }
    }

    /** The first row, empty when there is none or its value is SQL NULL. */
    public <T> Optional<T> one(String sql, Row<T> row, Object... parameters) {
        List<T> rows = list(sql, row, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    public long count(String sql, Object... parameters) {
        return one(sql, rs -> rs.getLong(1), parameters).orElse(0L);
    }

    public int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, parameters);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + firstLine(sql), e);
        }
    }

    /** Writes rows into a table through one {@code COPY ... FROM STDIN}. */
    public interface CopyRows {
        void write(CopyStream rows) throws SQLException;
    }

    /**
     * Rows streamed with {@code statement}, a {@code COPY table (columns) FROM STDIN}, on the connection of the caller's transaction,
     * so that they commit or roll back with it: for the writes of many rows at once, where COPY costs
     * PostgreSQL a fraction of an {@code INSERT}'s parsing.
     */
    public void copy(String statement, CopyRows rows) {
        try (Connection c = dataSource.getConnection()) {
            try (CopyStream stream = new CopyStream(c.unwrap(PGConnection.class).getCopyAPI(), statement)) {
                rows.write(stream);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + statement, e);
        }
    }

    /**
     * Enum constants as an SQL list of literals, {@code ('OPEN', 'APPEALED')}: how a rule's status set
     * enters the SQL that selects by it. Enum names are identifiers, so nothing needs quoting.
     */
    public static String literals(Collection<? extends Enum<?>> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an SQL list needs at least one value");
        }
        return values.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    private static void bind(Connection c, PreparedStatement s, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p instanceof Collection<?> values) {
                s.setArray(i + 1, array(c, values));
            } else if (p instanceof java.time.Instant instant) {
                s.setTimestamp(i + 1, java.sql.Timestamp.from(instant));
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    private static Array array(Connection c, Collection<?> values) throws SQLException {
        boolean numbers = values.stream().allMatch(v -> v instanceof Number);
        return numbers
                ? c.createArrayOf("int8", values.stream().map(v -> ((Number) v).longValue()).toArray(Long[]::new))
                : c.createArrayOf("text", values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new));
    }

    private static String firstLine(String sql) {
        return sql.length() > 80 ? sql.substring(0, 80) + "..." : sql;
    }
}
