package cn.emall.hardening.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One real PostgreSQL 17 server that several packaged services share, on a fixed port and data
 * directory so that it can be stopped and started again under them (the database restart test).
 * Databases are copied from a template with {@code CREATE DATABASE ... TEMPLATE}, so that every
 * trial starts from the same bytes.
 */
final class SharedPostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private SharedPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** A new server on an empty data directory. */
    static SharedPostgres start(Path dataDir) {
        deleteTree(dataDir);
        SharedPostgres postgres = new SharedPostgres(dataDir, freePort());
        postgres.startServer();
        return postgres;
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "postgres");
    }

    /** (Re)creates the database, empty or as a copy of the template (which nobody may be connected to). */
    void createDatabase(String name, String template) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name + (template == null ? "" : " template " + template));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    /** Listings that may be sold (listed, by an active supplier), in id order: {supplierId, productId}. */
    List<long[]> listedProducts(String database, int limit) throws SQLException {
        List<long[]> listings = new ArrayList<>();
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select p.supplier_id, p.id from product p join supplier s on s.id = p.supplier_id "
                        + "where p.status = 'LISTED' and s.status = 'ACTIVE' order by p.id limit " + limit)) {
            while (rs.next()) {
                listings.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        return listings;
    }

    /** Stops the server (fast shutdown: open sessions are cut, as in a crash of the database host). */
    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again on the same data directory and port. */
    void startServer() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        deleteTree(dataDir);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
