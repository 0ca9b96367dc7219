package cn.emall.webhooks.model;

import cn.emall.text.Msg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiverUrlRuleTest {

    /** Names resolve as the map says; address literals as themselves. */
    private static final Map<String, String> DNS = Map.of(
            "hooks.example.cn", "93.184.216.34",
            "inside.example.cn", "10.1.2.3",
            "v6.example.cn", "2606:2800:220:1:248:1893:25c8:1946",
            "metadata.example.cn", "169.254.169.254");

    private final ReceiverUrlRule rule = new ReceiverUrlRule(Set.of("127.0.0.1", "Dev-Box"), host -> {
        String address = DNS.get(host);
        if (address == null && !Character.isDigit(host.charAt(0)) && !host.contains(":")) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(address == null ? host : address));
    });

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.cn/emall", "https://93.184.216.34:8443/x?y=1", "https://v6.example.cn/",
            "https://[2606:2800:220:1:248:1893:25c8:1946]/hooks", "http://127.0.0.1:8089/hooks", "http://dev-box/hooks"})
    void publicHttpsAddressesAndTheAllowedHostsAreAccepted(String url) {
        assertEquals(java.util.Optional.empty(), rule.refusal(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://inside.example.cn/hooks", "https://10.0.0.1/", "https://172.16.0.1/", "https://172.31.255.1/",
            "https://192.168.1.1/", "https://127.0.0.2/", "https://[::1]/", "https://0.0.0.0/", "https://[::]/",
            "https://169.254.169.254/latest/meta-data/", "https://metadata.example.cn/", "https://[fe80::1]/",
            "https://[fd00:ec2::254]/", "https://[fc00::1]/", "https://[::ffff:10.0.0.1]/", "https://[::ffff:127.0.0.1]/",
            "https://[64:ff9b::a00:1]/", "https://[2002:a00:1::]/", "https://100.64.0.1/", "https://224.0.0.1/",
            "https://255.255.255.255/", "https://192.0.2.10/", "https://[2001:db8::1]/"})
    void privateLoopbackLinkLocalAndReservedAddressesAreRefused(String url) {
        assertEquals(Msg.WEBHOOK_URL_NOT_PUBLIC, rule.refusal(url).orElseThrow().msg(), url);
    }

    @Test
    void httpIsRefusedExceptForTheAllowedHosts() {
        assertEquals(Msg.WEBHOOK_URL_NOT_HTTPS, rule.refusal("http://hooks.example.cn/emall").orElseThrow().msg());
        assertEquals(Msg.WEBHOOK_URL_NOT_HTTPS, rule.refusal("http://127.0.0.2/hooks").orElseThrow().msg());
    }

    @Test
    void malformedUrlsCredentialsAndUnknownHostsAreRefused() {
        for (String url : List.of("not a url", "hooks.example.cn/emall", "ftp://hooks.example.cn/", "https:///path",
                "https://hooks.example.cn/#part", "mailto:ops@example.cn")) {
            assertEquals(Msg.WEBHOOK_URL_MALFORMED, rule.refusal(url).orElseThrow().msg(), url);
        }
        assertEquals(Msg.WEBHOOK_URL_CREDENTIALS, rule.refusal("https://user:secret@hooks.example.cn/").orElseThrow().msg());
        assertEquals(Msg.WEBHOOK_URL_UNRESOLVABLE, rule.refusal("https://nowhere.example.cn/").orElseThrow().msg());
    }

    @Test
    void everyAddressTheHostResolvesToMustBePublic() throws UnknownHostException {
        ReceiverUrlRule twoAnswers = new ReceiverUrlRule(Set.of(), host -> List.of(InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("192.168.0.7")));
        assertEquals(Msg.WEBHOOK_URL_NOT_PUBLIC, twoAnswers.refusal("https://both.example.cn/").orElseThrow().msg());
        assertTrue(ReceiverUrlRule.isPublic(InetAddress.getByName("8.8.8.8")));
        assertFalse(ReceiverUrlRule.isPublic(InetAddress.getByName("198.18.0.1")));
    }
}
