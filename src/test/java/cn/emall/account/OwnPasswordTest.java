package cn.emall.account;

import cn.emall.testsupport.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;

/** Every account changes its own password, after proving the current one. */
@QuarkusTest
class OwnPasswordTest {

    private static final String PATH = "/api/v1/accounts/me/password";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSupplierChangesItsPasswordAndOnlyTheNewOneLogsIn() throws SQLException {
        Api.Admitted supplier = Api.admittedSupplier(Api.officerToken());
        as(supplier.token()).body(Map.of("currentPassword", Api.SUPPLIER_PASSWORD, "newPassword", "a-new-secret-1"))
                .put(PATH).then().statusCode(204);
        login(supplier.creditCode(), Api.SUPPLIER_PASSWORD).then().statusCode(401);
        login(supplier.creditCode(), "a-new-secret-1").then().statusCode(200);
        as(Api.officerToken()).queryParam("subject", "account/" + accountId(supplier))
                .get("/api/v1/audit").then().statusCode(200).body("items[0].action", equalTo("PASSWORD_CHANGED"));
    }

    @Test
    void aWrongCurrentPasswordIsRefusedNamingTheFieldAndCountsAsAFailedLogin() {
        Api.Admitted supplier = Api.admittedSupplier(Api.officerToken());
        for (int attempt = 1; attempt <= 5; attempt++) {
            as(supplier.token()).body(Map.of("currentPassword", "not-my-password", "newPassword", "a-new-secret-1"))
                    .put(PATH).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("currentPassword"));
        }
        as(supplier.token()).body(Map.of("currentPassword", Api.SUPPLIER_PASSWORD, "newPassword", "a-new-secret-1"))
                .put(PATH).then().statusCode(429).body("type", equalTo("urn:emall:problem:login-locked"));
        login(supplier.creditCode(), Api.SUPPLIER_PASSWORD).then().statusCode(429);
    }

    @Test
    void theNewPasswordMustFollowTheRulesAndDiffer() {
        Api.Admitted supplier = Api.admittedSupplier(Api.officerToken());
        as(supplier.token()).body(Map.of("currentPassword", Api.SUPPLIER_PASSWORD, "newPassword", "short"))
                .put(PATH).then().statusCode(400).body("errors[0].field", equalTo("newPassword"));
        as(supplier.token()).body(Map.of("currentPassword", Api.SUPPLIER_PASSWORD, "newPassword", Api.SUPPLIER_PASSWORD))
                .put(PATH).then().statusCode(400).body("errors[0].field", equalTo("newPassword"));
        login(supplier.creditCode(), Api.SUPPLIER_PASSWORD).then().statusCode(200);
    }

    /** bcrypt reads 72 bytes; these 27 Chinese characters are 81, which once answered 500. */
    @Test
    void aPasswordLongerThanBcryptsSeventyTwoBytesWorksInFull() {
        Api.Admitted supplier = Api.admittedSupplier(Api.officerToken());
        String chinese = "内蒙古自治区包头市北方办公设备有限公司采购专用密码口令";
        as(supplier.token()).body(Map.of("currentPassword", Api.SUPPLIER_PASSWORD, "newPassword", chinese))
                .put(PATH).then().statusCode(204);
        login(supplier.creditCode(), chinese).then().statusCode(200);
        login(supplier.creditCode(), chinese.substring(0, chinese.length() - 1) + "码").then().statusCode(401);
        login(supplier.creditCode(), "x".repeat(150)).then().statusCode(401);
    }

    @Test
    void withoutATokenThereIsNoAccountToChange() {
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Api.OFFICER_PASSWORD, "newPassword", "a-new-secret-1"))
                .put(PATH).then().statusCode(401);
    }

    private static io.restassured.response.Response login(String username, String password) {
        return RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token");
    }

    private long accountId(Api.Admitted supplier) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select id from account where username = ?")) {
            s.setString(1, supplier.creditCode());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
