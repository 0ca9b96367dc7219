package cn.emall.web.console;

import cn.emall.document.DocumentView;
import cn.emall.document.Documents;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * A material opened in the console (a PDF in a frame, an image in the page): the document service's
 * bytes with an officer's right to read them, as {@code GET /api/v1/documents/{id}} serves them to a
 * token, behind the session instead. Framed by console pages only; never run as active content.
 */
@Path("/console/documents")
@PermitAll
@SignedIn
public class DocumentPage {

    /** Only the console's own pages may frame a document; nothing in it may run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
            + "frame-ancestors 'self'";

    private final Documents documents;

    public DocumentPage(Documents documents) {
        this.documents = documents;
    }

    @GET
    @Path("{id}")
    public Response document(@PathParam("id") String id) {
        DocumentView document = documents.readable(id, new Documents.Reader(true, null));
        StreamingOutput body = out -> documents.copy(document, 0, document.size(), out);
        return Response.ok(body, document.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, document.size())
                .header(HttpHeaders.ETAG, "\"" + document.sha256() + "\"")
                .header("Content-Disposition", document.contentDisposition())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .build();
    }
}
