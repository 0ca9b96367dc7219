package cn.emall.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * E-mail to suppliers ({@code emall.mail.*}). Without {@link #host()} nothing is sent: the messages
 * wait, {@code QUEUED}, until the service starts with a mail server configured.
 */
@ConfigMapping(prefix = "emall.mail")
public interface MailConfig {

    /** The SMTP server that takes the e-mall's mail (the operator's relay); unset: nothing is sent. */
    Optional<String> host();

    /** Its port: 25 for a relay, 587 for submission with STARTTLS. */
    @WithDefault("25")
    int port();

    /** The sender address, {@code From:} and the SMTP envelope's {@code MAIL FROM}. */
    @WithDefault("noreply@emall.invalid")
    String from();

    /** The user to log in to the server as; unset: no login. */
    Optional<String> username();

    Optional<String> password();

    /**
     * STARTTLS: {@code DISABLED} (plain SMTP), {@code OPTIONAL} (used when the server offers it) or
     * {@code REQUIRED} (no message goes out unencrypted).
     */
    @WithDefault("OPTIONAL")
    StartTls startTls();

    /** How long to wait for the server to connect and to answer each command. */
    @WithDefault("PT30S")
    Duration timeout();

    /**
     * The waits before each further attempt after a failure ({@code platform.retry.RetrySchedule});
     * the default spans 27 h 35 min. When it is spent the delivery is {@code FAILED}.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    String retryDelays();

    /** How often the sender looks for messages that are due; "off" switches the schedule off. */
    @WithDefault("5s")
    String every();

    /** Messages one instance claims and sends at a time, over one connection. */
    @WithDefault("50")
    int batchSize();

    /**
     * How long a claim lasts: another instance takes a message over only when the instance that
     * claimed it has neither sent it nor given up by then (it died mid-send).
     */
    @WithDefault("PT10M")
    Duration claimFor();

    /** Who signs the messages; the operator that publishes the board by default. */
    @WithDefault("${emall.web.operator:电子卖场运营管理机构}")
    String signature();

    /** The e-mall's name, in every subject; the pages' name by default. */
    @WithDefault("${emall.web.site-name:政府采购电子卖场}")
    String siteName();

    enum StartTls { DISABLED, OPTIONAL, REQUIRED }
}
