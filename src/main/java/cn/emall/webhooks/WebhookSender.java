package cn.emall.webhooks;

import cn.emall.text.Catalogue;
import cn.emall.text.Text;
import cn.emall.webhooks.model.ReceiverUrlRule;
import cn.emall.webhooks.model.WebhookSecret;
import jakarta.enterprise.context.ApplicationScoped;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one webhook message as the Standard Webhooks specification 1.0 has it: {@code POST} of the
 * JSON body with {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and
 * {@code webhook-signature}. The JDK's HTTP client, HTTP/1.1, redirects not followed (a 3xx is a
 * failed attempt), the whole exchange within {@code emall.webhooks.timeout}. The URL is checked
 * against the address rule right before each request ({@link ReceiverUrlRule}); the JVM's resolver
 * caches the answer it checked for the connection that follows (30 s by default).
 */
@ApplicationScoped
public class WebhookSender {

    /** How an attempt ended: the receiver's status code, or the error when it gave none. */
    public record Outcome(Integer statusCode, String error, long durationMs) {

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        /** 410 Gone: the receiver asks not to be sent anything more. */
        public boolean gone() {
            return statusCode != null && statusCode == 410;
        }
    }

    private static final int MAX_ERROR = 500;

    private final HttpClient http;
    private final ReceiverUrlRule rule;
    private final Duration timeout;

    public WebhookSender(WebhookConfig config) {
        this.timeout = config.timeout();
        this.rule = new ReceiverUrlRule(config.allowInsecureHosts().orElse(Set.of()),
                host -> Arrays.asList(InetAddress.getAllByName(host)));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /** What is wrong with the receiver's URL, or empty when webhooks may be sent to it. */
    public Optional<Text> refusal(String url) {
        return rule.refusal(url);
    }

    public Outcome send(String url, WebhookSecret secret, String messageId, long timestampSeconds, String body) {
        long started = System.nanoTime();
        Optional<Text> refused = rule.refusal(url);
        if (refused.isPresent()) {
            return new Outcome(null, cut("refused before sending: " + refused.get().in(Catalogue.ENGLISH)), millisSince(started));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.strip())).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "emall-webhooks/1.0")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestampSeconds))
                .header("webhook-signature", secret.sign(messageId, timestampSeconds, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(response.statusCode(), null, millisSince(started));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Outcome(null, "no answer within " + timeout.toSeconds() + " s", millisSince(started));
        } catch (ExecutionException e) {
            return new Outcome(null, cut(describe(e.getCause())), millisSince(started));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted: the service is stopping", millisSince(started));
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "could not connect within " + timeout.toSeconds() + " s";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        if (failure instanceof SSLException) {
            return "TLS failed: " + failure.getMessage();
        }
        if (failure instanceof IOException) {
            return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        }
        return "request failed: " + failure;
    }

    private static String cut(String text) {
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 3) + "...";
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
