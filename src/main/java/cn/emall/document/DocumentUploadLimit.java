package cn.emall.document;

import cn.emall.platform.error.RouterProblems;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an upload whose Content-Length is over the file limit (plus room for the multipart
 * envelope) with 413 before any of its body is read. An upload sent without a length is read to
 * disk, and refused there when the file turns out larger ({@link Documents#upload}).
 */
@ApplicationScoped
public class DocumentUploadLimit {

    /** Room for the multipart boundaries, part headers and the kind. */
    static final long ENVELOPE = 64 * 1024;

    private final DocumentConfig config;

    public DocumentUploadLimit(DocumentConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        long maxFile = config.maxSize().asLongValue();
        router.route(HttpMethod.POST, "/api/v1/documents").order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && !length.isEmpty() && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                    && Long.parseLong(length) > maxFile + ENVELOPE) {
                ctx.response().headers().add("Connection", "close");
                RouterProblems.write(ctx, Documents.tooLarge(maxFile));
            } else {
                ctx.next();
            }
        });
    }
}
