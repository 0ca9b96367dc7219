package cn.emall.web.console;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's session over plain HTTP: its cookie's attributes, no-store, expiry, CSRF and the accounts it refuses. */
@QuarkusTest
class ConsoleSessionTest {

    @Inject
    Sessions sessions;

    @Inject
    ConsoleConfig config;

    @Test
    void sessionCookieIsHttpOnlyStrictForTheConsoleAndSecureOnlyOverHttps() {
        Response plain = ConsoleHttp.signIn(Api.OFFICER, Api.OFFICER_PASSWORD);
        assertEquals(303, plain.statusCode());
        String cookie = setCookie(plain, Sessions.COOKIE);
        assertTrue(cookie.contains("; Path=/console") && cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "over plain HTTP the cookie cannot be Secure: " + cookie);
        assertEquals("/console", plain.header("Location").replaceFirst("^https?://[^/]+", ""));

        Response form = ConsoleHttp.given().header("X-Forwarded-Proto", "https").get("/console/login");
        assertTrue(setCookie(form, Sessions.SIGN_IN_COOKIE).contains("; Secure"), "behind an HTTPS proxy even the form's cookie is Secure");
        Response page = ConsoleHttp.given().header("X-Forwarded-Proto", "https")
                .cookie(Sessions.COOKIE, plain.getCookie(Sessions.COOKIE)).get("/console");
        assertEquals(200, page.statusCode());
        assertTrue(setCookie(page, Sessions.COOKIE).endsWith("; Secure"), "the renewed cookie is Secure behind HTTPS");
    }

    @Test
    void everyConsoleAnswerIsNoStoreTheSignInFormTheDashboardAndTheRedirect() {
        String session = ConsoleHttp.session(Api.OFFICER, Api.OFFICER_PASSWORD);
        for (Response answer : List.of(ConsoleHttp.given().get("/console/login"),
                ConsoleHttp.given().cookie(Sessions.COOKIE, session).get("/console"),
                ConsoleHttp.given().get("/console"),
                ConsoleHttp.given().cookie(Sessions.COOKIE, session).get("/console/no-such-page"))) {
            assertEquals("no-store", answer.header("Cache-Control"), answer.statusCode() + " " + answer.asString());
            assertTrue(answer.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        }
    }

    @Test
    void unknownConsolePageIsAChineseErrorPageNotTheApisJson() {
        String session = ConsoleHttp.session(Api.OFFICER, Api.OFFICER_PASSWORD);
        ConsoleHttp.given().cookie(Sessions.COOKIE, session).get("/console/no-such-page").then().statusCode(404)
                .contentType("text/html;charset=UTF-8").body(containsString("未找到"), containsString("没有该资源"));
    }

    @Test
    void pageWithoutSessionRedirectsToSignInWithTheWayBack() {
        ConsoleHttp.given().get("/console?from=mail").then().statusCode(303)
                .header("Location", containsString("/console/login?next=%2Fconsole%3Ffrom%3Dmail"));
        ConsoleHttp.given().header("HX-Request", "true").get("/console").then().statusCode(200)
                .header("HX-Redirect", "/console/login");
    }

    @Test
    void sessionEndsAfterIdleTimeAndAfterItsAbsoluteLifetime() {
        Instant now = Instant.now();
        String idle = sessions.encode(new Sessions.Session(Api.OFFICER, now.minus(Duration.ofHours(1)),
                now.minus(config.idleTimeout()).minusSeconds(5), "idle-nonce"));
        String old = sessions.encode(new Sessions.Session(Api.OFFICER, now.minus(config.absoluteTimeout()).minusSeconds(5),
                now.minusSeconds(10), "old-nonce"));
        String live = sessions.encode(new Sessions.Session(Api.OFFICER, now.minus(Duration.ofHours(7)),
                now.minus(config.idleTimeout()).plusSeconds(60), "live-nonce"));
        for (String expired : List.of(idle, old)) {
            ConsoleHttp.given().cookie(Sessions.COOKIE, expired).get("/console").then().statusCode(303)
                    .header("Location", containsString("/console/login?expired=1"));
        }
        Response used = ConsoleHttp.given().cookie(Sessions.COOKIE, live).get("/console");
        assertEquals(200, used.statusCode());
        String renewed = used.getCookie(Sessions.COOKIE);
        assertEquals(now.getEpochSecond(), Long.parseLong(renewed.split("\\.")[2]), 5, "the request counts as use");
        assertEquals(live.split("\\.")[1], renewed.split("\\.")[1], "but the session began when it began");
    }

    @Test
    void forgedOrAlteredCookieIsNoSession() {
        String session = ConsoleHttp.session(Api.OFFICER, Api.OFFICER_PASSWORD);
        String[] parts = session.split("\\.");
        String otherOfficer = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("someone-else".getBytes())
                + session.substring(parts[0].length());
        for (String forged : List.of(otherOfficer, session.substring(0, session.length() - 2) + "AA", "garbage")) {
            ConsoleHttp.given().cookie(Sessions.COOKIE, forged).get("/console").then().statusCode(303)
                    .header("Location", startsWith(RestAssured.baseURI + ":" + RestAssured.port + "/console/login"));
        }
    }

    @Test
    void postWithoutTheSessionsCsrfTokenIsRefusedWith403AndDoesNothing() {
        String session = ConsoleHttp.session(Api.OFFICER, Api.OFFICER_PASSWORD);
        ConsoleHttp.given().cookie(Sessions.COOKIE, session).contentType("application/x-www-form-urlencoded")
                .formParam("x", "1").post("/console/logout").then().statusCode(403)
                .contentType("text/html;charset=UTF-8").header("Cache-Control", "no-store")
                .body(containsString("安全令牌"));
        String other = ConsoleHttp.session(Api.OFFICER, Api.OFFICER_PASSWORD);
        String othersToken = ConsoleHttp.token(ConsoleHttp.given().cookie(Sessions.COOKIE, other).get("/console").asString());
        ConsoleHttp.given().cookie(Sessions.COOKIE, session).contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", othersToken).post("/console/logout").then().statusCode(403);
        String token = ConsoleHttp.token(ConsoleHttp.given().cookie(Sessions.COOKIE, session).get("/console").asString());
        Response out = ConsoleHttp.given().cookie(Sessions.COOKIE, session).contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", token).post("/console/logout");
        assertEquals(303, out.statusCode());
        assertTrue(setCookie(out, Sessions.COOKIE).contains("Max-Age=0"), "signing out removes the cookie");
        ConsoleHttp.given().header("X-CSRF-Token", token).cookie(Sessions.COOKIE, session).post("/console/logout")
                .then().statusCode(303);
    }

    @Test
    void signInFormWithoutItsTokenIsRefused() {
        ConsoleHttp.given().contentType("application/x-www-form-urlencoded").formParam("username", Api.OFFICER)
                .formParam("password", Api.OFFICER_PASSWORD).post("/console/login").then().statusCode(403)
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void supplierAndOrderSystemAccountsAreRefusedWithAChineseMessage() {
        String creditCode = Api.admittedSupplier(Api.officerToken()).creditCode();
        String orders = "console-orders-" + System.nanoTime();
        Api.as(Api.officerToken()).body(Map.of("username", orders, "password", "orders-password", "role", "ORDER_SYSTEM"))
                .post("/api/v1/accounts").then().statusCode(201);
        for (String[] account : List.of(new String[]{creditCode, Api.SUPPLIER_PASSWORD}, new String[]{orders, "orders-password"})) {
            Response refused = ConsoleHttp.signIn(account[0], account[1]);
            assertEquals(403, refused.statusCode(), account[0]);
            assertTrue(refused.asString().contains("不是运营管理机构工作人员账号"), refused.asString());
            assertEquals(null, refused.getCookie(Sessions.COOKIE));
        }
    }

    @Test
    void wrongPasswordsCountTowardsTheApisLockOut() {
        String username = "console-lock-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            Response wrong = ConsoleHttp.signIn(username, "wrong-password");
            assertEquals(401, wrong.statusCode());
            assertTrue(wrong.asString().contains("用户名或密码不正确"));
        }
        Response locked = ConsoleHttp.signIn(username, "wrong-password");
        assertEquals(429, locked.statusCode());
        RestAssured.given().contentType("application/json").body(Map.of("username", username, "password", "x"))
                .post("/api/v1/auth/token").then().statusCode(429).body("type", equalTo("urn:emall:problem:login-locked"));
    }

    private static String setCookie(Response answer, String name) {
        return answer.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no Set-Cookie for " + name + ": " + answer.headers()));
    }
}
