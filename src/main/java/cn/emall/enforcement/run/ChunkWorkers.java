package cn.emall.enforcement.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The threads that work on a run's chunks ({@code emall.cleanup.workers}, the calling thread
 * included), one pool for the whole run. Each chunk is its own transaction, so the order they finish
 * in does not matter: their subjects are disjoint, and every step locks what it changes in id order.
 */
final class ChunkWorkers implements AutoCloseable {

    private final int workers;
    private final ExecutorService helpers;

    ChunkWorkers(long runId, int workers) {
        this.workers = workers;
        this.helpers = Executors.newFixedThreadPool(Math.max(1, workers - 1), task -> {
            Thread thread = new Thread(task, "cleanup-run-" + runId);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Works on every chunk and returns when all are done; a worker's failure is rethrown as it was. */
    void forEach(List<List<Candidate>> chunks, Consumer<List<Candidate>> work) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
                work.accept(chunks.get(i));
            }
        };
        List<Future<?>> helping = new ArrayList<>();
        for (int i = 1; i < Math.min(workers, chunks.size()); i++) {
            helping.add(helpers.submit(worker));
        }
        try {
            worker.run();
        } finally {
            next.set(chunks.size());
            for (Future<?> helper : helping) {
                awaitHelper(helper);
            }
        }
    }

    private static void awaitHelper(Future<?> helper) {
        try {
            helper.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the run's workers", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("A worker of the run failed", e.getCause());
        }
    }

    @Override
    public void close() {
        helpers.shutdownNow();
    }
}
