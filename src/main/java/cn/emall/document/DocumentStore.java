package cn.emall.document;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.UUID;

/**
 * Where the bytes of documents live, apart from their metadata ({@link Documents} keeps that). The
 * service ships one store, {@link DatabaseDocumentStore}, in PostgreSQL; an object store (S3 and its
 * compatibles) would be a second implementation chosen by configuration: put as a multipart upload
 * under the id, copy as a ranged GET, remove as a batch delete. docs/documents.md says more.
 */
public interface DocumentStore {

    /**
     * Stores the file's bytes under the id, in the caller's transaction where the store has one. The
     * file is read in parts; it is never held in memory whole.
     */
    void put(UUID id, Path file, long size) throws IOException;

    /** Writes {@code length} bytes of the document, from byte {@code offset}, to {@code out}, part by part. */
    void copy(UUID id, long offset, long length, OutputStream out) throws IOException;

    /** Removes the bytes of documents nothing uses (their metadata is removed by the caller). */
    void remove(Collection<UUID> ids);
}
