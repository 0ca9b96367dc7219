package cn.emall.document;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A material as attached to an application, appeal or answer: its kind, the document it names, and
 * that document's SHA-256 when attached, so that the record shows the exact bytes it rests on.
 */
@Schema(name = "AttachedMaterial", description = "A material as attached: its kind, the document "
        + "(GET /api/v1/documents/{documentRef}) and the SHA-256 of its bytes when it was attached")
public record Material(String kind, String documentRef,
                       @Schema(nullable = true, pattern = "^[0-9a-f]{64}$", description = "null for a material attached "
                               + "before documents were stored") String sha256) {

    /** A material as a request names it, before it is checked. */
    public static Material named(String kind, String documentRef) {
        return new Material(kind.trim(), documentRef.trim(), null);
    }
}
