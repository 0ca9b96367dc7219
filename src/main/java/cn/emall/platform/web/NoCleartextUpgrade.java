package cn.emall.platform.web;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses the cleartext HTTP/2 upgrade ({@code Upgrade: h2c}) on the plain HTTP listener: the
 * request then goes on as HTTP/1.1. To upgrade, the server must read the request whole before it
 * can answer 101, so a client offering h2c with a 20 MiB upload (the JDK's {@code HttpClient}
 * does by default) would hold the whole file in the heap, and twenty at once exhaust it. HTTPS
 * keeps HTTP/2 through ALPN, which streams.
 */
@ApplicationScoped
public class NoCleartextUpgrade implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
