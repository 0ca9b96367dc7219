package cn.emall.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tests' mail server on one port of 127.0.0.1: GreenMail, a real SMTP server in the test JVM, or in
 * its place a server that answers every connection {@code 421} (service not available), as a relay
 * does while it is overloaded or down for maintenance.
 */
final class TestMailServer implements AutoCloseable {

    static final String REFUSAL = "421 4.3.2 Service not available, closing transmission channel";

    private final int port;
    private GreenMail greenMail;
    private Refuser refuser;

    TestMailServer(int port) {
        this.port = port;
    }

    /**
     * A free port kept in a system property under this name, the same for every copy of a test class:
     * Quarkus loads the test and its profile in class loaders of their own, which would each pick a port.
     */
    static synchronized int sharedPort(String name) {
        String port = System.getProperty(name);
        if (port == null) {
            port = String.valueOf(freePort());
            System.setProperty(name, port);
        }
        return Integer.parseInt(port);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GreenMail takes the port (whatever was there stops first). */
    void accept() {
        stopRefusing();
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
    }

    /** A server that answers 421 to every connection takes the port. */
    void refuse() {
        stopAccepting();
        if (refuser == null) {
            refuser = new Refuser(port);
        }
    }

    /** Nothing listens on the port: connections are refused. */
    void down() {
        stopAccepting();
        stopRefusing();
    }

    /** The messages GreenMail has received so far. */
    List<MimeMessage> received() {
        return greenMail == null ? List.of() : Arrays.asList(greenMail.getReceivedMessages());
    }

    /** The message GreenMail received whose decoded subject contains the text, if any. */
    Optional<MimeMessage> withSubject(String text) {
        return received().stream().filter(m -> subject(m).contains(text)).findFirst();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text body, decoded from its transfer encoding in its declared charset. */
    static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stopAccepting() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    private void stopRefusing() {
        if (refuser != null) {
            refuser.close();
            refuser = null;
        }
    }

    @Override
    public void close() {
        down();
    }

    /** Answers 421 and hangs up, to every connection, on its own thread. */
    private static final class Refuser implements AutoCloseable {

        private final ServerSocket socket;
        private final Thread thread;

        Refuser(int port) {
            try {
                socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            thread = new Thread(this::serve, "smtp-refuser-" + port);
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept(); OutputStream out = client.getOutputStream(); InputStream in = client.getInputStream()) {
                    client.setSoTimeout(2_000);
                    out.write((REFUSAL + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    client.shutdownOutput();
                    in.readNBytes(64);
                } catch (IOException e) {
                    // closed while accepting, or the client hung up first
                }
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
                thread.join(5_000);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
