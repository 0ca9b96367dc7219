package cn.emall.hardening.faults;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service (prod profile) and its first officer: with no password configured the first
 * start generates one, stores only its hash and shows it once in the log; a second start on the same
 * database shows nothing and the password still works; the documented default stops the start.
 */
class BootstrapOfficerIT {

    private static final String DATABASE = "bootstrap";
    private static final Pattern GENERATED = Pattern.compile(
            "WARN .*Created the bootstrap officer 'officer' with the generated password (\\S+)");

    private static SharedPostgres postgres;

    @BeforeAll
    static void startDatabase() {
        postgres = SharedPostgres.start(Path.of("target", "hardening", "pg-bootstrap"));
        SharedPostgres.deleteTree(Path.of("target", "hardening", "services", "bootstrap-first"));
        SharedPostgres.deleteTree(Path.of("target", "hardening", "services", "bootstrap-again"));
        SharedPostgres.deleteTree(Path.of("target", "hardening", "services", "bootstrap-default"));
        postgres.createDatabase(DATABASE, null);
    }

    @AfterAll
    static void shutDown() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void withNoPasswordTheFirstStartGeneratesOneAndShowsItOnlyOnce() throws Exception {
        Map<String, String> unset = Map.of("emall.bootstrap-officer.password", "");
        String password;
        try (PackagedService first = PackagedService.start("bootstrap-first", postgres.jdbcUrl(DATABASE), unset)) {
            List<String> shown = first.logLines().stream().filter(line -> GENERATED.matcher(line).find()).toList();
            assertEquals(1, shown.size(), "the generated password is shown once: " + first.logTail());
            Matcher matcher = GENERATED.matcher(shown.get(0));
            assertTrue(matcher.find());
            password = matcher.group(1);
            assertTrue(String.join("\n", first.logLines()).contains("PUT /api/v1/accounts/me/password"), "how to change it");
            first.token(PackagedService.OFFICER, password);
            first.call().body(Map.of("username", PackagedService.OFFICER, "password", "officer-change-me"))
                    .post("/api/v1/auth/token").then().statusCode(401);
        }
        try (Connection c = postgres.connect(DATABASE);
             PreparedStatement s = c.prepareStatement("select password_hash from account where username = 'officer'");
             ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next());
            String hash = rs.getString(1);
            assertTrue(hash.startsWith("$2"), "stored as a bcrypt hash");
            assertFalse(hash.contains(password));
        }
        try (PackagedService again = PackagedService.start("bootstrap-again", postgres.jdbcUrl(DATABASE), unset)) {
            assertTrue(again.logLines().stream().noneMatch(line -> line.contains("generated password")),
                    "nothing is generated when the officer exists: " + again.logTail());
            again.token(PackagedService.OFFICER, password);
        }
    }

    @Test
    void theDocumentedDefaultPasswordStopsTheStartWithAClearMessage() throws Exception {
        PackagedService refused = PackagedService.launch("bootstrap-default", postgres.jdbcUrl(DATABASE),
                Map.of("emall.bootstrap-officer.password", "officer-change-me"));
        try (refused) {
            assertNotEquals(0, refused.awaitExit(Duration.ofSeconds(120)), "the service does not run with the documented password");
            String log = String.join("\n", refused.logLines());
            assertTrue(refused.logLines().stream().anyMatch(line -> line.contains("ERROR")
                    && line.contains("emall.bootstrap-officer.password is the documented default")), refused.logTail());
            assertTrue(log.contains("leave it unset"), refused.logTail());
        }
    }
}
