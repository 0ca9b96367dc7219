package cn.emall.webhooks.model;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSecretTest {

    @Test
    void theSignatureIsTheOneOfTheStandardWebhooksSpecificationsExample() {
        // The example of the specification (standard-webhooks/spec/standard-webhooks.md, "Signature scheme").
        WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                secret.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void aGeneratedSecretIsWhsecAndTheBase64OfThirtyTwoRandomBytes() {
        WebhookSecret one = WebhookSecret.generate();
        WebhookSecret other = WebhookSecret.generate();
        assertTrue(one.text().matches("whsec_[A-Za-z0-9+/]+={0,2}"), one.text());
        assertEquals(32, Base64.getDecoder().decode(one.text().substring(6)).length);
        assertNotEquals(one.text(), other.text());
        assertNotEquals(one.sign("id", 1, "{}"), other.sign("id", 1, "{}"));
        assertEquals("whsec_...", one.toString(), "the secret never reaches a log through toString");
    }

    @Test
    void aSecretWithoutThePrefixIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    }
}
