package cn.emall.document;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Every quarter of an hour, deletes the uploads that nothing used within their retention period. */
@ApplicationScoped
public class DocumentCollector {

    private static final Logger LOG = Logger.getLogger(DocumentCollector.class);

    private final Documents documents;

    public DocumentCollector(Documents documents) {
        this.documents = documents;
    }

    @Scheduled(identity = "unused-documents", every = "15m", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void collect() {
        int deleted = documents.collectUnused();
        if (deleted > 0) {
            LOG.infof("Deleted %d uploads that nothing used", deleted);
        }
    }
}
