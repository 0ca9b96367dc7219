package cn.emall.document;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.emall.document.model.DocumentFormat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /**
     * How a browser is to take it: inline for PDF and images (shown in the page), as an attachment for
     * the rest (OFD), with the original name as {@code filename*} (RFC 6266, UTF-8, percent-encoded) and
     * an ASCII approximation as {@code filename} for clients that know only that.
     */
    public String contentDisposition() {
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        StringBuilder ascii = new StringBuilder();
        filename.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        return (inline() ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** Whether a browser shows it in the page (PDF, images). */
    public boolean inline() {
        return DocumentFormat.ofMediaType(contentType).map(DocumentFormat::inline).orElse(false);
    }
}
