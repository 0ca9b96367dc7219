package cn.emall.platform.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Supplies the token signing key when none is configured: an RSA key pair generated once and kept
 * in {@code ${emall.data-dir}/jwt}, so that a fresh start works and tokens survive restarts.
 *
 * <p>Operators configure their own with {@code mp.jwt.verify.publickey.location} and
 * {@code smallrye.jwt.sign.key.location}.
 */
public class SigningKeyConfigSourceFactory implements ConfigSourceFactory {

    private static final String VERIFY = "mp.jwt.verify.publickey.location";
    private static final String SIGN = "smallrye.jwt.sign.key.location";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context, VERIFY) || isSet(context, "mp.jwt.verify.publickey")
                || cn.emall.platform.db.EmbeddedDatabaseConfigSourceFactory.isBuildTime()) {
            return List.of();
        }
        Path dir = Path.of(cn.emall.platform.db.EmbeddedDatabaseConfigSourceFactory.value(context, "emall.data-dir", "data"), "jwt")
                .toAbsolutePath();
        Path privateKey = dir.resolve("signing-key.pem");
        Path publicKey = dir.resolve("verify-key.pem");
        ensureKeyPair(privateKey, publicKey);
        return List.of(new PropertiesConfigSource(Map.of(
                VERIFY, publicKey.toString(),
                SIGN, privateKey.toString()), "generated-signing-key", 140));
    }

    private static synchronized void ensureKeyPair(Path privateKey, Path publicKey) {
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        try {
            Files.createDirectories(privateKey.getParent());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writePem(privateKey, "PRIVATE KEY", pair.getPrivate().getEncoded());
            writePem(publicKey, "PUBLIC KEY", pair.getPublic().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the token signing key in " + privateKey.getParent(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate the token signing key", e);
        }
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own permissions protect the key.
        }
        Files.writeString(tmp, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        Files.move(tmp, file);
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
