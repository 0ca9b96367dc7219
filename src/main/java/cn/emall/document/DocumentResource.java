package cn.emall.document;

import cn.emall.document.model.ByteRange;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.CurrentUser;
import cn.emall.text.Msg;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Qualification and appeal documents: uploaded before the application, appeal or answer that names
 * them ({@code materials[].documentRef}), then read by officers and the supplier they belong to.
 */
@Path("/api/v1/documents")
@PermitAll
@Tag(name = "Documents")
public class DocumentResource {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String OFD = "application/ofd";

    private final Documents documents;
    private final CurrentUser user;

    public DocumentResource(Documents documents, CurrentUser user) {
        this.documents = documents;
        this.user = user;
    }

    /** The multipart form of an upload, as the OpenAPI document describes it. */
    @Schema(name = "DocumentUpload", description = "An upload: the file (PDF, JPEG, PNG or OFD, told by its content; at most "
            + "20 MiB) and, optionally, the kind of material it is")
    public record UploadForm(@Schema(type = SchemaType.STRING, format = "binary", required = true) String file,
                             @Schema(maxLength = Documents.MAX_KIND, description = "E.g. BUSINESS_LICENSE") String kind) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadDocument", summary = "Upload a document (applicants without a login, suppliers, "
            + "officers). Its type is told by its content: PDF, JPEG, PNG or OFD; a file whose name or declared type "
            + "claims another type is refused. Name it in materials within 24 hours, or it is deleted.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = UploadForm.class)))
    @APIResponse(responseCode = "201", description = "Stored: its id is the documentRef to name in materials",
            headers = @Header(name = "Location", description = "The path of the document",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "403", description = "An order system may not upload documents")
    @APIResponse(responseCode = "413", description = "The file is larger than 20 MiB (emall.documents.max-size); refused "
            + "from its Content-Length before the body is read")
    @APIResponse(responseCode = "415", description = "Not a PDF, JPEG, PNG or OFD file by its content, or its name or declared "
            + "type claims another type (unsupported-document-type; detected names what the content is)")
    @APIResponse(responseCode = "429", description = "Without a login, more than 30 uploads an hour from one address "
            + "(uploads-limited); Retry-After says when to try again",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)))
    public Response upload(@RestForm("file") FileUpload file, @RestForm("kind") String kind,
                           @Context HttpServerRequest request) {
        if (file == null) {
            throw ProblemException.invalid("file", Msg.DOCUMENT_FILE_REQUIRED.with());
        }
        DocumentView stored = documents.upload(new Documents.Upload(file.uploadedFile(), file.size(), file.fileName(),
                file.contentType(), kind), uploader(request));
        return Response.created(URI.create("/api/v1/documents/" + stored.id())).type(MediaType.APPLICATION_JSON)
                .entity(stored).build();
    }

    private Documents.Uploader uploader(HttpServerRequest request) {
        if (user.isAnonymous()) {
            return Documents.Uploader.anonymous(request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        }
        if (user.isOfficer()) {
            return Documents.Uploader.officer(user.name());
        }
        Optional<Long> supplier = user.supplierId();
        if (supplier.isPresent()) {
            return Documents.Uploader.supplier(user.name(), supplier.get());
        }
        throw new ForbiddenException();
    }

    @GET
    @Path("{id}")
    @Produces({PDF, JPEG, PNG, OFD})
    @Operation(operationId = "downloadDocument", summary = "The document's bytes, for officers and the supplier it belongs "
            + "to (anyone else: 404). PDF and images are served inline, OFD as an attachment; never as active content. "
            + "Supports Range (one range of bytes) and If-None-Match (the ETag is the SHA-256).")
    @APIResponse(responseCode = "200", description = "The document", headers = {
            @Header(name = "Content-Disposition", description = "inline (PDF, images) or attachment (OFD), with the original "
                    + "file name as filename* (RFC 6266, UTF-8)", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "The SHA-256 of the bytes, quoted", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Accept-Ranges", description = "bytes", schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = OFD, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "206", description = "The range asked for", headers = {
            @Header(name = "Content-Range", description = "bytes first-last/size", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "The SHA-256 of the bytes, quoted", schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = OFD, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", description = "If-None-Match names the document's ETag: unchanged (documents never change)")
    @APIResponse(responseCode = "416", description = "The range starts beyond the end of the file",
            headers = @Header(name = "Content-Range", description = "bytes */size", schema = @Schema(type = SchemaType.STRING)))
    public Response download(@PathParam("id") String id, @Context HttpHeaders headers) {
        DocumentView document = documents.readable(id, reader());
        String etag = "\"" + document.sha256() + "\"";
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || List.of(ifNoneMatch.split(",")).stream()
                .map(String::strip).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).anyMatch(etag::equals))) {
            return safe(Response.notModified().header(HttpHeaders.ETAG, etag)).build();
        }
        Optional<ByteRange> range;
        try {
            String ifRange = headers.getHeaderString("If-Range");
            range = ifRange == null || ifRange.strip().equals(etag)
                    ? ByteRange.parse(headers.getHeaderString("Range"), document.size())
                    : Optional.empty();
        } catch (ByteRange.Unsatisfiable e) {
            throw new ProblemException(416, "range-not-satisfiable", Msg.RANGE_NOT_SATISFIABLE_TITLE,
                    Msg.RANGE_NOT_SATISFIABLE_DETAIL.with(e.getMessage(), document.size()))
                    .with("size", document.size()).header("Content-Range", "bytes */" + document.size());
        }
        long offset = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(document.size());
        StreamingOutput body = out -> documents.copy(document, offset, length, out);
        Response.ResponseBuilder response = safe(range.isPresent() ? Response.status(206) : Response.ok())
                .entity(body).type(document.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header(HttpHeaders.ETAG, etag)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", document.contentDisposition());
        range.ifPresent(r -> response.header("Content-Range", r.contentRange(document.size())));
        return response.build();
    }

    @GET
    @Path("{id}/meta")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDocumentMeta", summary = "The document's metadata and what uses it (officers, and the "
            + "supplier it belongs to; anyone else: 404)")
    public DocumentMeta meta(@PathParam("id") String id) {
        DocumentView document = documents.readable(id, reader());
        return new DocumentMeta(document.id(), document.filename(), document.contentType(), document.size(), document.sha256(),
                document.kind(), document.uploadedAt(), documents.uses(document.id()).stream()
                .map(use -> new DocumentMeta.UseView(use.usedBy(), use.supplierId(), use.subjectId(), use.usedAt())).toList());
    }

    private Documents.Reader reader() {
        return new Documents.Reader(user.isOfficer(), user.supplierId().orElse(null));
    }

    /** Served bytes never run as active content, and private documents are not kept by shared caches. */
    private static Response.ResponseBuilder safe(Response.ResponseBuilder response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }

    /** A document's metadata and its uses. */
    @Schema(name = "DocumentMeta", description = "A document's metadata and what uses it")
    public record DocumentMeta(UUID id, String filename, String contentType, long size, String sha256,
                               @Schema(nullable = true) String kind, OffsetDateTime uploadedAt, List<UseView> uses) {

        @Schema(name = "DocumentUseView", description = "One use of a document: what names it (the supplier admitted, the "
                + "appeal, the notice answered), for which supplier, and when")
        public record UseView(DocumentUse usedBy, long supplierId,
                              @Schema(description = "The supplier id (APPLICATION, IMPORT), appeal id (APPEAL) or notice id "
                                      + "(NOTICE_RESPONSE)") long subjectId,
                              OffsetDateTime usedAt) {
        }
    }
}
