package cn.emall.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * A mail server to hand messages to, over SMTP through Jakarta Mail (Eclipse Angus). What it answers
 * for each message is kept: the reply with which the server accepted it ({@code 250 ...}), or the
 * failure. Plain text in UTF-8, the subject encoded per RFC 2047.
 */
public final class SmtpServer {

    /** Where the server is and how to talk to it. */
    public record Settings(String host, int port, String from, Optional<String> username, Optional<String> password,
                           MailConfig.StartTls startTls, Duration timeout) {

        static Optional<Settings> of(MailConfig config) {
            return config.host().filter(host -> !host.isBlank()).map(host -> new Settings(host.trim(), config.port(),
                    config.from(), config.username(), config.password(), config.startTls(), config.timeout()));
        }
    }

    /** A message to one recipient. */
    public record Letter(String to, String subject, String body) {
    }

    /** The server took the message: its reply, the message's {@code Message-ID}, and when the reply came. */
    public record Accepted(String reply, String messageId, Instant at) {
    }

    /** The server could not be reached or did not take the message; the message says why, in the server's words when it gave any. */
    public static final class Refused extends Exception {

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Settings settings;
    private final Clock clock;

    public SmtpServer(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    /** Connects (and logs in); the connection sends any number of messages and must be closed. */
    public Connection connect() throws Refused {
        Session session = Session.getInstance(properties());
        try {
            SMTPTransport transport = (SMTPTransport) session.getTransport("smtp");
            transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
                    settings.password().orElse(null));
            return new Connection(session, transport);
        } catch (MessagingException e) {
            throw new Refused("connecting to " + settings.host() + ":" + settings.port() + ": " + describe(e), e);
        }
    }

    /** An open SMTP session. */
    public final class Connection implements AutoCloseable {

        private final Session session;
        private final SMTPTransport transport;

        private Connection(Session session, SMTPTransport transport) {
            this.session = session;
            this.transport = transport;
        }

        /** Sends one message; answers when the server has accepted it, with its reply. */
        public Accepted send(Letter letter) throws Refused {
            try {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(settings.from()));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(letter.to(), true));
                message.setSubject(letter.subject(), StandardCharsets.UTF_8.name());
                message.setText(letter.body(), StandardCharsets.UTF_8.name());
                message.setSentDate(Date.from(clock.instant()));
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
                Instant at = clock.instant();
                return new Accepted(transport.getLastServerResponse().trim(), message.getMessageID(), at);
            } catch (MessagingException e) {
                throw new Refused(describe(e), e);
            }
        }

        /** Whether the server still talks to this connection (after a refusal it may have closed it). */
        public boolean isOpen() {
            return transport.isConnected();
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // QUIT was not answered: the messages already sent were accepted, nothing else is pending.
            }
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.from", settings.from());
        p.put("mail.smtp.auth", String.valueOf(settings.username().isPresent()));
        p.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls() != MailConfig.StartTls.DISABLED));
        p.put("mail.smtp.starttls.required", String.valueOf(settings.startTls() == MailConfig.StartTls.REQUIRED));
        String millis = String.valueOf(settings.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        p.put("mail.mime.charset", StandardCharsets.UTF_8.name());
        return p;
    }

    /** The failure as the server worded it, with the causes that say why when it said nothing. */
    private static String describe(MessagingException e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).trim());
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
        while (cause != null && text.length() < 600) {
            text.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
            cause = cause.getCause();
        }
        return text.toString();
    }
}
