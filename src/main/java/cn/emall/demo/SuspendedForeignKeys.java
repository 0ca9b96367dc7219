package cn.emall.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The foreign keys of some tables, dropped for a bulk load and added back afterwards, as the
 * PostgreSQL manual advises for populating a database: one check of the whole table when the
 * key is added back is much cheaper than one per row. Adding a key back validates every row,
 * so the data ends up exactly as constrained as before, under the same names and definitions.
 * Both steps belong in the loading transaction, so that a failed load leaves the keys in place.
 */
final class SuspendedForeignKeys {

    private record ForeignKey(String table, String name, String definition) {
    }

    private final List<ForeignKey> keys;

    private SuspendedForeignKeys(List<ForeignKey> keys) {
        this.keys = keys;
    }

    /** Drops the foreign keys that the tables hold, remembering their definitions. */
    static SuspendedForeignKeys drop(Connection connection, List<String> tables) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        for (String table : tables) {
            keys.addAll(foreignKeysOf(connection, table));
        }
        try (Statement statement = connection.createStatement()) {
            for (ForeignKey key : keys) {
                statement.execute("alter table " + key.table() + " drop constraint " + quoted(key.name()));
            }
        }
        return new SuspendedForeignKeys(keys);
    }

    /** Adds the keys back, which checks every row against them. */
    void restore(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (ForeignKey key : keys) {
                statement.execute("alter table " + key.table() + " add constraint " + quoted(key.name()) + " "
                        + key.definition());
            }
        }
    }

    private static List<ForeignKey> foreignKeysOf(Connection connection, String table) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select conname, pg_get_constraintdef(oid)"
                + " from pg_constraint where contype = 'f' and conrelid = ?::regclass order by conname")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(new ForeignKey(table, rows.getString(1), rows.getString(2)));
                }
            }
        }
        return keys;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
