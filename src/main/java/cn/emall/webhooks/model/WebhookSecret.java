package cn.emall.webhooks.model;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A receiver's signing secret as the Standard Webhooks specification writes it: {@code whsec_}
 * followed by the base64 of the key's bytes (here 32 random bytes). Signatures are
 * {@code v1,<base64 of HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{body}">} keyed by those bytes.
 */
public record WebhookSecret(String text) {

    public static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookSecret {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
    }

    public static WebhookSecret generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The HMAC key: the bytes the text after {@code whsec_} encodes. */
    public byte[] key() {
        return Base64.getDecoder().decode(text.substring(PREFIX.length()));
    }

    /** The {@code webhook-signature} header's value for one message. */
    public String sign(String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] signature = mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Never the secret itself: it is shown once, when the receiver is registered. */
    @Override
    public String toString() {
        return PREFIX + "...";
    }
}
