package cn.emall.webhooks;

import cn.emall.webhooks.model.WebhookSecret;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keeps the receivers' signing secrets sealed in the database: AES-256-GCM under a key that lives
 * outside it ({@code emall.webhooks.secret-key}, or else a key generated once into
 * {@code ${emall.data-dir}/webhooks/secret-key}, readable by the service's user only). A copy of the
 * database, a backup or a read-only SQL account shows sealed text, from which nobody can sign.
 * The service must be able to sign, so the secret is sealed, not hashed.
 */
@Startup
@ApplicationScoped
public class SecretSealing {

    private static final String VERSION = "v1:";
    private static final byte[] CONTEXT = "emall webhook secret".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretSealing(WebhookConfig config, @ConfigProperty(name = "emall.data-dir") String dataDir) {
        byte[] bytes = config.secretKey().map(SecretSealing::decodeKey)
                .orElseGet(() -> keyFile(Path.of(dataDir, "webhooks", "secret-key").toAbsolutePath()));
        this.key = new SecretKeySpec(bytes, "AES");
    }

    String seal(WebhookSecret secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(secret.text().getBytes(StandardCharsets.US_ASCII));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalStateException when the text was sealed under another key */
    WebhookSecret open(String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("not a sealed webhook secret");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(CONTEXT);
            return new WebhookSecret(new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a webhook secret sealed under another key (emall.webhooks.secret-key differs "
                    + "between instances or was changed)", e);
        }
    }

    private static byte[] decodeKey(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("emall.webhooks.secret-key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("emall.webhooks.secret-key must be the base64 of 32 bytes, not " + bytes.length);
        }
        return bytes;
    }

    private static synchronized byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] generated = new byte[32];
                RANDOM.nextBytes(generated);
                Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the data directory's own permissions protect the key.
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(generated) + "\n");
                try {
                    Files.move(tmp, file);
                } catch (FileAlreadyExistsException another) {
                    Files.delete(tmp);
                }
            }
            return decodeKey(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the webhook secret key " + file, e);
        }
    }
}
