package cn.emall.platform;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The plain HTTP listener does not switch to HTTP/2 on {@code Upgrade: h2c}: it answers the request
 * as HTTP/1.1 (an upgrade would make the server read an upload whole before answering).
 */
@QuarkusTest
class CleartextUpgradeTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anOfferedCleartextUpgradeIsAnsweredAsHttp11() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /q/health/live HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 200 OK", status);
        }
    }
}
