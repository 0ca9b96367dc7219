package cn.emall.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Webhook deliveries ({@code emall.webhooks.*}). */
@ConfigMapping(prefix = "emall.webhooks")
public interface WebhookConfig {

    /**
     * The waits before each further attempt after a failed one (platform.retry.RetrySchedule), as the
     * Standard Webhooks specification suggests: about 27 hours in all, then the receiver is disabled.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    String retryDelays();

    /** How long a receiver has to answer (connecting included); later counts as a failed attempt. */
    @WithDefault("15s")
    Duration timeout();

    /**
     * Hosts (names or addresses, as written in the URL) that may use {@code http} and private,
     * loopback or link-local addresses: for development and tests with a receiver on 127.0.0.1.
     * Empty by default.
     */
    Optional<Set<String>> allowInsecureHosts();

    /**
     * The key that seals the receivers' signing secrets in the database: base64 of 32 bytes
     * (AES-256). Unset, a key is generated once into {@code ${emall.data-dir}/webhooks/secret-key};
     * several instances must then be given the same key here.
     */
    Optional<String> secretKey();

    /** How often each instance looks for new events and due deliveries. */
    @WithDefault("1s")
    Duration poll();

    /** Receivers an instance sends to at the same time (each receiver's events still go one by one, in order). */
    @WithDefault("4")
    int workers();

    /**
     * How long an instance holds a receiver while it sends to it. An instance that dies holding one
     * lets another take the receiver over after this long; the event in flight may then come twice
     * (same webhook-id).
     */
    @WithDefault("60s")
    Duration lease();

    /** Whether this instance delivers at all (the queue fills and waits while it does not). */
    @WithDefault("true")
    boolean deliver();
}
