package cn.emall.account;

import cn.emall.testsupport.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production-like configuration: no bootstrap password. The first start generates one, keeps only
 * its bcrypt hash, and writes it once to the log as a warning with how to change it; it logs in, and
 * the officer replaces it with one of its own.
 */
@QuarkusTest
@TestProfile(GeneratedOfficerPasswordTest.NoBootstrapPassword.class)
class GeneratedOfficerPasswordTest {

    static final String USERNAME = "chief-officer";
    static final Path LOG = Path.of("target", "generated-officer-password", "quarkus.log");
    private static final Pattern GENERATED = Pattern.compile(
            "WARN .*Created the bootstrap officer '" + USERNAME + "' with the generated password (\\S+)");

    public static class NoBootstrapPassword implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("emall.bootstrap-officer.username", USERNAME,
                    "emall.bootstrap-officer.password", "",
                    "%test.emall.bootstrap-officer.password", "",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toAbsolutePath().toString());
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theFirstStartGeneratesAPasswordShowsItOnceAndStoresOnlyItsHash() throws Exception {
        List<String> lines = Files.readAllLines(LOG);
        List<String> shown = lines.stream().filter(line -> GENERATED.matcher(line).find()).toList();
        assertFalse(shown.isEmpty(), "the generated password is in the log");
        Matcher matcher = GENERATED.matcher(shown.get(shown.size() - 1));
        assertTrue(matcher.find());
        String password = matcher.group(1);
        assertEquals(24, password.length());
        assertEquals(1, lines.stream().filter(line -> line.contains(password)).count(), "shown once");
        String howToChange = String.join("\n", lines.subList(lines.indexOf(shown.get(shown.size() - 1)), lines.size()));
        assertTrue(howToChange.contains("PUT /api/v1/accounts/me/password"), howToChange);

        String hash = passwordHash();
        assertTrue(hash.startsWith("$2"), "a bcrypt hash");
        assertFalse(hash.contains(password));
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", USERNAME, "password", "officer-change-me"))
                .post("/api/v1/auth/token").then().statusCode(401);

        String token = Api.token(USERNAME, password);
        Api.as(token).body(Map.of("currentPassword", password, "newPassword", "chief-officer-own-1"))
                .put("/api/v1/accounts/me/password").then().statusCode(204);
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", USERNAME, "password", password))
                .post("/api/v1/auth/token").then().statusCode(401);
        Api.token(USERNAME, "chief-officer-own-1");
        assertFalse(passwordHash().equals(hash));
    }

    private String passwordHash() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select password_hash from account where username = ?")) {
            s.setString(1, USERNAME);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "the bootstrap officer exists");
                return rs.getString(1);
            }
        }
    }
}
