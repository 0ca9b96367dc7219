package cn.emall.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A webhook receiver in the test JVM (com.sun.net.httpserver on 127.0.0.1): it keeps every request
 * with its Standard Webhooks headers and answers the status it is told to, after an optional delay.
 * Register its {@link #url()} with {@code emall.webhooks.allow-insecure-hosts=127.0.0.1}.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, and the status it was answered with. */
    public record Received(String id, String timestamp, String signature, String body, int answered) {

        /**
         * The receiver's check of the Standard Webhooks signature (docs/webhooks.md shows the same
         * lines): HMAC-SHA256 of "{id}.{timestamp}.{body}" keyed by the bytes after whsec_, compared
         * in constant time with each "v1,..." of the header.
         */
        public boolean verifies(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
                for (String candidate : signature.split(" ")) {
                    if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
                            Base64.getDecoder().decode(candidate.substring(3)))) {
                        return true;
                    }
                }
                return false;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }

        public boolean acknowledged() {
            return answered >= 200 && answered < 300;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<Received> received = new ArrayList<>();
    private volatile int status = 204;
    private volatile Duration delay = Duration.ZERO;

    private WebhookReceiver(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            WebhookReceiver receiver = new WebhookReceiver(server, threads);
            server.createContext("/hooks", receiver::handle);
            server.setExecutor(threads);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:{port}/hooks}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The status to answer from now on (204 at first). */
    public void answer(int status) {
        this.status = status;
    }

    /** How long to wait before answering, from now on. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** How many requests have arrived. */
    public synchronized int count() {
        return received.size();
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until the requests so far satisfy the condition; false when the timeout passed first. */
    public boolean await(Predicate<List<Received>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(received())) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.test(received());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            long wait = delay.toMillis();
            if (wait > 0) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int answered = status;
            synchronized (this) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature")), body, answered));
            }
            exchange.sendResponseHeaders(answered, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
