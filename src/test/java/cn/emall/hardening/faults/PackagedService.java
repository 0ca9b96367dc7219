package cn.emall.hardening.faults;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package} before
 * the fault tests run) started as its own JVM process against a shared PostgreSQL, the way operators
 * run it. Tests sign in, move its sandbox clock, and stop it politely (SIGTERM) or kill it (SIGKILL).
 */
final class PackagedService implements AutoCloseable {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final String OFFICER = "officer";
    /** The packaged service refuses the documented default, so the fault runs give a password of their own. */
    static final String OFFICER_PASSWORD = "fault-runs-officer-1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private static final String DEFAULT_HEAP = "768m";

    private PackagedService(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the service on the database and waits until it is ready. The signing key pair is the
     * tests' fixed one, so that every instance accepts every other's tokens, as a cluster's would.
     */
    static PackagedService start(String name, String jdbcUrl, Map<String, String> config) {
        return start(name, jdbcUrl, config, DEFAULT_HEAP);
    }

    /** As {@link #start(String, String, Map)}, with the JVM's heap limited to {@code maxHeap} (as -Xmx takes it). */
    static PackagedService start(String name, String jdbcUrl, Map<String, String> config, String maxHeap) {
        PackagedService service = launch(name, jdbcUrl, config, maxHeap);
        service.awaitReady(Duration.ofSeconds(180));
        return service;
    }

    /**
     * Starts the process without waiting for it to be ready. A configuration value that is empty
     * leaves the setting unset, as if it were not configured at all.
     */
    static PackagedService launch(String name, String jdbcUrl, Map<String, String> config) {
        return launch(name, jdbcUrl, config, DEFAULT_HEAP);
    }

    private static PackagedService launch(String name, String jdbcUrl, Map<String, String> config, String maxHeap) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the fault tests run after 'package' (./mvnw -Phardening verify)");
        }
        int port = SharedPostgres.freePort();
        Path dir = Path.of("target", "hardening", "services", name);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.put("quarkus.datasource.jdbc.url", jdbcUrl);
        properties.put("quarkus.datasource.username", "postgres");
        properties.put("quarkus.datasource.password", "postgres");
        properties.put("emall.data-dir", dir.toAbsolutePath().toString());
        properties.put("mp.jwt.verify.publickey.location", testResource("jwt/test-verify-key.pem"));
        properties.put("smallrye.jwt.sign.key.location", testResource("jwt/test-signing-key.pem"));
        properties.put("emall.sandbox.clock-control", "true");
        properties.put("emall.cleanup.cron", "off");
        properties.put("emall.security.bcrypt-cost", "4");
        properties.put("emall.bootstrap-officer.password", OFFICER_PASSWORD);
        properties.putAll(config);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve("service.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new PackagedService(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String testResource(String path) {
        return Path.of("src", "test", "resources", path).toAbsolutePath().toString();
    }

    String name() {
        return name;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the log's tail if the process dies. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + logTail());
    }

    /** A request to this instance, JSON in and out. */
    RequestSpecification call() {
        return RestAssured.given().baseUri(url()).contentType(ContentType.JSON);
    }

    RequestSpecification as(String token) {
        return call().auth().oauth2(token);
    }

    String token(String username, String password) {
        return call().body(Map.of("username", username, "password", password)).post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("accessToken");
    }

    String officerToken() {
        return token(OFFICER, OFFICER_PASSWORD);
    }

    /** Moves this instance's sandbox business clock (each instance holds its own). */
    void setClock(String officerToken, OffsetDateTime now) {
        as(officerToken).body(Map.of("now", now.toString())).put("/api/v1/sandbox/clock").then().statusCode(200);
    }

    /** SIGKILL: no shutdown hook, no finished transaction, no goodbye to the database. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the graceful shutdown operators use. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself and answers its exit code; fails if it still runs after the timeout. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " still runs after " + timeout + ":\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
