package cn.emall.document;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored document's metadata, as the upload answers it. */
@Schema(name = "Document", description = "A stored document: its id (the documentRef that materials name), original file "
        + "name, the type told by its content, its size in bytes and SHA-256 digest (hex, also its ETag)")
public record DocumentView(UUID id, String filename,
                           @Schema(enumeration = {"application/pdf", "image/jpeg", "image/png", "application/ofd"})
                           String contentType,
                           long size,
                           @Schema(pattern = "^[0-9a-f]{64}$") String sha256,
                           @Schema(nullable = true, description = "The kind the uploader gave (e.g. BUSINESS_LICENSE), if any")
                           String kind,
                           OffsetDateTime uploadedAt) {
}
