package cn.emall.web.console;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The console over plain HTTP, as a browser without scripts uses it: the sign-in form, then requests with the session cookie. */
final class ConsoleHttp {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private ConsoleHttp() {
    }

    /** A request that follows no redirect, so that a test sees each answer. */
    static RequestSpecification given() {
        return RestAssured.given().redirects().follow(false);
    }

    /** Signs in through the form; answers the POST's answer (303 with the session cookie when it worked). */
    static Response signIn(String username, String password) {
        Response form = given().get("/console/login");
        String nonce = form.getCookie(Sessions.SIGN_IN_COOKIE);
        assertNotNull(nonce, "the sign-in form sets its cookie");
        return given().cookie(Sessions.SIGN_IN_COOKIE, nonce).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("username", username).formParam("password", password).formParam("next", "/console")
                .formParam("_csrf", token(form.asString())).post("/console/login");
    }

    /** The session cookie's value of a successful sign-in. */
    static String session(String username, String password) {
        String session = signIn(username, password).then().statusCode(303).extract().cookie(Sessions.COOKIE);
        assertNotNull(session, "signing in sets the session cookie");
        return session;
    }

    /** The CSRF token a page's forms carry. */
    static String token(String html) {
        Matcher matcher = TOKEN.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in the page");
        }
        return matcher.group(1);
    }
}
