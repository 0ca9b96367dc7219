package cn.emall.webhooks.model;

import cn.emall.text.Msg;
import cn.emall.text.Text;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the e-mall may send webhooks: an {@code https} URL whose host resolves only to public
 * addresses, so that no request goes into the operator's own network, by a typo or on purpose.
 * Refused: private (10/8, 172.16/12, 192.168/16, 100.64/10, IPv6 fc00::/7), loopback, link-local
 * (169.254/16 with the cloud metadata address 169.254.169.254, fe80::/10), unspecified (0.0.0.0, ::),
 * multicast, documentation and other reserved ranges, and IPv6 forms that carry such an IPv4 address
 * (mapped ::ffff:a.b.c.d, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16). Every address the host
 * resolves to must pass. The hosts of {@code allowInsecureHosts} (as written in the URL) are exempt
 * from both rules: development and tests use them for a receiver on 127.0.0.1.
 */
public final class ReceiverUrlRule {

    /** Answers every address of a host name (the JVM's resolver in the service). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowInsecureHosts;
    private final Resolver resolver;

    public ReceiverUrlRule(Set<String> allowInsecureHosts, Resolver resolver) {
        this.allowInsecureHosts = allowInsecureHosts.stream().map(ReceiverUrlRule::normalHost).collect(Collectors.toSet());
        this.resolver = resolver;
    }

    /** What is wrong with the URL, or empty when webhooks may be sent to it. */
    public Optional<Text> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of(Msg.WEBHOOK_URL_MALFORMED.with());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of(Msg.WEBHOOK_URL_MALFORMED.with());
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of(Msg.WEBHOOK_URL_CREDENTIALS.with());
        }
        String host = normalHost(uri.getHost());
        if (allowInsecureHosts.contains(host)) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of(Msg.WEBHOOK_URL_NOT_HTTPS.with());
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of(Msg.WEBHOOK_URL_UNRESOLVABLE.with(host));
        }
        if (addresses.isEmpty()) {
            return Optional.of(Msg.WEBHOOK_URL_UNRESOLVABLE.with(host));
        }
        return addresses.stream().filter(address -> !isPublic(address)).findFirst()
                .map(address -> Msg.WEBHOOK_URL_NOT_PUBLIC.with(host, address.getHostAddress()));
    }

    /** Whether the address is one of the public internet's (neither private, loopback, link-local nor reserved). */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(b);
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return false; // unique local fc00::/7
        }
        if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isPublicIpv4(tail(b)); // mapped ::ffff:a.b.c.d
        }
        if (zeros(b, 0, 12)) {
            return isPublicIpv4(tail(b)); // compatible ::a.b.c.d (and :: and ::1)
        }
        if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zeros(b, 4, 12)) {
            return isPublicIpv4(tail(b)); // NAT64 64:ff9b::/96
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return isPublicIpv4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 2002::/16
        }
        if (b[0] == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return false; // documentation 2001:db8::/32
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) {
            return false; // Teredo 2001::/32, whose IPv4 address is hidden
        }
        return (b[0] & 0xe0) == 0x20; // global unicast 2000::/3; the rest is reserved
    }

    private static boolean isPublicIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return !(first == 0 || first == 10 || first == 127 || first >= 224
                || (first == 100 && (second & 0xc0) == 64)
                || (first == 169 && second == 254)
                || (first == 172 && (second & 0xf0) == 16)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (third == 0 || third == 2))
                || (first == 198 && (second == 18 || second == 19))
                || (first == 198 && second == 51 && third == 100)
                || (first == 203 && second == 0 && third == 113));
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] b) {
        return new byte[] {b[12], b[13], b[14], b[15]};
    }

    private static String normalHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
