package cn.emall.testsupport.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the contract check has seen. Each start of the service under test (a new test profile) loads
 * the test classes anew, in a class loader of its own, so the counts of this copy are added to system
 * properties, which every class loader shares, whenever a test ends ({@link #flush}); the mismatches
 * not yet reported to a test are kept here.
 */
final class ContractTally {

    /** Exchanges whose answer was checked: its status documented, its body valid. */
    static final String VALIDATED = "validated";
    /** Of those, the accepted requests (2xx) that were checked against the document too. */
    static final String REQUESTS = "requestsValidated";
    /**
     * Of the accepted requests, multipart uploads: the validator cannot read a multipart body from REST
     * Assured, so their parts are not checked (their answers are).
     */
    static final String MULTIPART = "multipartRequestsNotChecked";
    /** Of those, exchanges with paths or methods the document does not have (answered 404 or 405). */
    static final String OUTSIDE = "outsideTheDocument";
    /** Exchanges with the operations endpoints under /q/, which the document leaves out. */
    static final String SKIPPED = "operationsEndpoints";
    /** Exchanges with the web pages and their assets, which the document leaves out too. */
    static final String WEB_PAGES = "webPages";
    /** Exchanges that did not match the document. */
    static final String MISMATCHED = "mismatched";

    private static final String PREFIX = "cn.emall.testsupport.contract.";
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    private static final Queue<String> PENDING = new ConcurrentLinkedQueue<>();

    private ContractTally() {
    }

    static void count(String what) {
        COUNTS.computeIfAbsent(what, key -> new AtomicLong()).incrementAndGet();
    }

    static void mismatch(String exchange) {
        count(MISMATCHED);
        PENDING.add(exchange);
    }

    /** The mismatches since the last call, to fail the test that made them. */
    static List<String> drain() {
        List<String> drained = new ArrayList<>();
        for (String next = PENDING.poll(); next != null; next = PENDING.poll()) {
            drained.add(next);
        }
        return drained;
    }

    /** Adds this copy's counts to the totals of the JVM. */
    static void flush() {
        COUNTS.forEach((what, count) -> {
            long value = count.getAndSet(0);
            if (value != 0) {
                System.getProperties().compute(PREFIX + what,
                        (key, total) -> String.valueOf(value + (total == null ? 0 : Long.parseLong((String) total))));
            }
        });
    }

    /** The JVM's total of one count, as far as flushed. */
    static long total(String what) {
        return Long.parseLong(System.getProperty(PREFIX + what, "0"));
    }
}
