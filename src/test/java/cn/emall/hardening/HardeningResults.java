package cn.emall.hardening;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The figures of the hardening runs, in {@code target/hardening/results.json}, one key per figure.
 * Each test writes its own keys and leaves the others' alone, so that the load test (surefire) and the
 * fault runs (failsafe, another JVM) end up in one file. A key counted by several tests of one JVM
 * ({@link #add}) starts from zero the first time that JVM touches it.
 */
public final class HardeningResults {

    public static final Path DIR = Path.of("target", "hardening");
    private static final Path FILE = DIR.resolve("results.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOUCHED = new HashSet<>();

    private HardeningResults() {
    }

    /** Sets these keys. */
    public static synchronized void put(Map<String, ?> figures) {
        ObjectNode results = read();
        figures.forEach((key, value) -> {
            results.set(key, JSON.valueToTree(value));
            TOUCHED.add(key);
        });
        write(results);
    }

    /** Adds to a count that several tests of this JVM make together. */
    public static synchronized void add(String key, long delta) {
        ObjectNode results = read();
        long before = TOUCHED.add(key) || !results.has(key) ? 0 : results.get(key).asLong();
        results.put(key, before + delta);
        write(results);
    }

    private static ObjectNode read() {
        try {
            return Files.exists(FILE) ? (ObjectNode) JSON.readTree(FILE.toFile()) : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ObjectNode results) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(FILE, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
