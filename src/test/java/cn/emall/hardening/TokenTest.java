package cn.emall.hardening;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Forged and stale tokens are refused with 401 problem+json. Each forgery carries claims that the
 * service accepts when they are signed properly ({@link #theSameClaimsSignedWithTheServiceKeyAreAccepted}),
 * so the refusals are about the signature or the expiry, not about a claim the service would reject anyway.
 * The test profile signs with the key pair in {@code src/test/resources/jwt}.
 */
@QuarkusTest
class TokenTest {

    private static final String AUDIT = "/api/v1/audit";

    private static JwtClaimsBuilder officerClaims(long issuedAt, long expiresAt) {
        return Jwt.issuer("emall").upn(Api.OFFICER).subject(Api.OFFICER).groups(Set.of("OFFICER"))
                .issuedAt(issuedAt).expiresAt(expiresAt);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static void refused(String token) {
        RestAssured.given().auth().oauth2(token).get(AUDIT).then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(401));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String payload(long issuedAt, long expiresAt) {
        return "{\"iss\":\"emall\",\"upn\":\"officer\",\"sub\":\"officer\",\"groups\":[\"OFFICER\"],\"iat\":" + issuedAt
                + ",\"exp\":" + expiresAt + "}";
    }

    /** The service's signing key in the test profile ({@code %test.smallrye.jwt.sign.key.location}). */
    private static PrivateKey serviceKey() throws IOException, GeneralSecurityException {
        String pem = resource("/jwt/test-signing-key.pem");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String resource(String name) throws IOException {
        try (var in = TokenTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void theSameClaimsSignedWithTheServiceKeyAreAccepted() throws Exception {
        String token = officerClaims(now() - 60, now() + 600).sign(serviceKey());
        RestAssured.given().auth().oauth2(token).get(AUDIT).then().statusCode(200);
    }

    @Test
    void expiredTokenSignedWithTheServiceKeyIsRefused() throws Exception {
        refused(officerClaims(now() - 7200, now() - 3600).sign(serviceKey()));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() throws Exception {
        refused(Jwt.issuer("not-emall").upn(Api.OFFICER).subject(Api.OFFICER).groups(Set.of("OFFICER"))
                .issuedAt(now() - 60).expiresAt(now() + 600).sign(serviceKey()));
    }

    private static String servicePublicKeyPem() throws IOException {
        return resource("/jwt/test-verify-key.pem");
    }

    @Test
    void unsignedTokenWithAlgNoneIsRefused() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = base64Url(payload(now() - 60, now() + 600));
        refused(header + "." + claims + ".");
        refused(header + "." + claims);
    }

    @Test
    void tokenSignedWithAnotherRsaKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refused(officerClaims(now() - 60, now() + 600).sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void tokenSignedWithHmacOverThePublicKeyIsRefused() throws Exception {
        String header = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String signingInput = header + "." + base64Url(payload(now() - 60, now() + 600));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(servicePublicKeyPem().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        refused(signingInput + "." + signature);
    }

    @Test
    void supplierTokenWhosePayloadClaimsOfficerIsRefused() {
        String supplierToken = Api.admittedSupplier(Api.officerToken()).token();
        String[] parts = supplierToken.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"SUPPLIER\"", "\"OFFICER\"");
        refused(parts[0] + "." + base64Url(payload) + "." + parts[2]);
    }

    @Test
    void repeatedWrongPasswordsLockASuppliersLogin() {
        Api.Admitted supplier = Api.admittedSupplier(Api.officerToken());
        for (int i = 0; i < 5; i++) {
            RestAssured.given().contentType("application/json")
                    .body(Map.of("username", supplier.creditCode(), "password", "wrong-password-" + i))
                    .post("/api/v1/auth/token").then().statusCode(401).contentType(startsWith("application/problem+json"));
        }
        RestAssured.given().contentType("application/json")
                .body(Map.of("username", supplier.creditCode(), "password", Api.SUPPLIER_PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(429).contentType(startsWith("application/problem+json"));
    }
}
