package cn.emall.document;

import cn.emall.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.UUID;

/**
 * Documents' bytes in PostgreSQL ({@code document_content}), in parts of {@value #PART_SIZE} bytes:
 * an upload is written a part at a time and a download (or a range of one) read a part at a time, so
 * that memory holds one part per transfer whatever the file's size.
 */
@ApplicationScoped
public class DatabaseDocumentStore implements DocumentStore {

    static final int PART_SIZE = 256 * 1024;

    private final Jdbc jdbc;

    public DatabaseDocumentStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(UUID id, Path file, long size) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int part = 0;
            for (long written = 0; written < size; part++) {
                byte[] bytes = in.readNBytes((int) Math.min(PART_SIZE, size - written));
                if (bytes.length == 0) {
                    throw new IOException("the file ended after " + written + " of " + size + " bytes");
                }
                jdbc.update("insert into document_content (document_id, part, bytes) values (?, ?, ?)", id, part, bytes);
                written += bytes.length;
            }
        }
    }

    @Override
    public void copy(UUID id, long offset, long length, OutputStream out) throws IOException {
        long position = offset;
        long end = offset + length;
        while (position < end) {
            int part = (int) (position / PART_SIZE);
            int from = (int) (position % PART_SIZE);
            int count = (int) Math.min(PART_SIZE - from, end - position);
            byte[] bytes = jdbc.one("select substring(bytes from ? for ?) from document_content where document_id = ? and part = ?",
                            rs -> rs.getBytes(1), from + 1, count, id, part)
                    .orElseThrow(() -> new IOException("document " + id + " has no part " + part));
            if (bytes.length != count) {
                throw new IOException("document " + id + " part " + part + " holds " + bytes.length + " bytes, not " + count);
            }
            out.write(bytes);
            position += count;
        }
    }

    @Override
    public void remove(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.update("delete from document_content where document_id = any(?::uuid[])", ids);
        }
    }
}
