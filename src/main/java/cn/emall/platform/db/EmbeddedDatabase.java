package cn.emall.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One embedded PostgreSQL server per JVM, its data kept in a directory that survives restarts.
 *
 * <p>Dev-mode live reload builds the configuration again in a fresh class loader; the JDBC URL of
 * the running server is kept in a system property so that a reload reuses it instead of starting
 * a second server on the same data directory.
 */
public final class EmbeddedDatabase {

    static final String USER = "postgres";
    private static final String RUNNING_URL = "cn-emall.embedded-postgres.url";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private EmbeddedDatabase() {
    }

    /** Starts the server (once per JVM) and answers its JDBC URL. */
    public static synchronized String start(Path dataDirectory, int port) {
        String running = System.getProperty(RUNNING_URL);
        if (running != null) {
            return running;
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "200")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            System.setProperty(RUNNING_URL, url);
            LOG.infof("Embedded PostgreSQL running on port %d, data in %s", postgres.getPort(),
                    dataDirectory.toAbsolutePath());
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory.toAbsolutePath()
                    + " (as root the host needs 'unshare -U', see README)", e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
