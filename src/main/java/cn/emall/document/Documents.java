package cn.emall.document;

import cn.emall.document.model.ContentSniffer;
import cn.emall.document.model.DocumentFormat;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.text.SafeText;
import cn.emall.platform.time.BusinessDates;
import cn.emall.text.Msg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The documents: what was uploaded, who may read it, and what uses it. Owns {@code document} and
 * {@code document_use}; the bytes go to the {@link DocumentStore}. A document is told by its content
 * ({@link ContentSniffer}), never by its name; it is private to officers and the supplier it belongs
 * to; once something uses it, it never changes and is never deleted.
 */
@ApplicationScoped
public class Documents {

    /** The longest file name kept; a longer one is refused. */
    public static final int MAX_FILENAME = 255;
    /** The longest kind an uploader may give. */
    public static final int MAX_KIND = 64;
    /** At most this many documents per application, appeal or answer. */
    public static final int MAX_MATERIALS = 20;

    private static final String COLUMNS = "id, filename, content_type, size, sha256, kind, uploaded_at";

    private final Jdbc jdbc;
    private final DocumentStore store;
    private final DocumentConfig config;
    private final BusinessDates dates;

    public Documents(Jdbc jdbc, DocumentStore store, DocumentConfig config, BusinessDates dates) {
        this.jdbc = jdbc;
        this.store = store;
        this.config = config;
        this.dates = dates;
    }

    /** Who uploads: nobody logged in (an applicant, by its client address), a supplier, or an officer. */
    public record Uploader(String role, String username, Long supplierId, String address) {

        public static Uploader anonymous(String address) {
            return new Uploader("ANONYMOUS", null, null, address);
        }

        public static Uploader supplier(String username, long supplierId) {
            return new Uploader("SUPPLIER", username, supplierId, null);
        }

        public static Uploader officer(String username) {
            return new Uploader("OFFICER", username, null, null);
        }
    }

    /** Who reads: an officer, a supplier, or anyone else (who reads nothing). */
    public record Reader(boolean officer, Long supplierId) {
    }

    /** A file as received, on disk: its size, the name and type the client gave, and the kind. */
    public record Upload(Path file, long size, String filename, String declaredType, String kind) {
    }

    /** One use of a document, as its metadata shows it. */
    public record Use(DocumentUse usedBy, long supplierId, long subjectId, OffsetDateTime usedAt) {
    }

    /**
     * Checks the file and stores it: refused when it is too large (413), empty or badly named (400),
     * not a PDF, JPEG, PNG or OFD by its content, or claimed by its name or declared type to be
     * something it is not (415); without a login, at most so many uploads an hour per address (429).
     */
    @Transactional
    public DocumentView upload(Upload upload, Uploader uploader) {
        if (upload.size() > config.maxSize().asLongValue()) {
            throw tooLarge(config.maxSize().asLongValue());
        }
        String filename = filenameOf(upload.filename());
        String kind = kindOf(upload.kind());
        DocumentFormat format = acceptedFormat(upload, filename);
        if (uploader.address() != null) {
            refuseBeyondAnonymousLimit(uploader.address());
        }
        UUID id = UUID.randomUUID();
        Instant now = dates.now();
        jdbc.update("insert into document (id, filename, content_type, size, sha256, kind, uploaded_at, uploader_role, "
                        + "uploaded_by, uploader_supplier_id, uploader_address) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, filename.isEmpty() ? "document." + format.name().toLowerCase(java.util.Locale.ROOT) : filename,
                format.mediaType(), upload.size(), sha256(upload.file()), kind, now, uploader.role(), uploader.username(),
                uploader.supplierId(), uploader.address());
        try {
            store.put(id, upload.file(), upload.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return find(id).orElseThrow();
    }

    /** The problem for a file over the limit. */
    public static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "document-too-large", Msg.DOCUMENT_TOO_LARGE_TITLE,
                Msg.DOCUMENT_TOO_LARGE_DETAIL.with(maxBytes / (1024 * 1024)));
    }

    /** The last segment of the name the client gave (browsers may send a whole path), trimmed. */
    private static String filenameOf(String given) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        SafeText.problem(name).ifPresent(problem -> {
            throw ProblemException.invalid("file", problem);
        });
        if (name.codePointCount(0, name.length()) > MAX_FILENAME) {
            throw ProblemException.invalid("file", Msg.DOCUMENT_NAME_TOO_LONG.with(MAX_FILENAME));
        }
        return name;
    }

    private static String kindOf(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        SafeText.problem(given).ifPresent(problem -> {
            throw ProblemException.invalid("kind", problem);
        });
        String kind = given.strip();
        if (kind.codePointCount(0, kind.length()) > MAX_KIND) {
            throw ProblemException.invalid("kind", Msg.DOCUMENT_KIND_TOO_LONG.with(MAX_KIND));
        }
        return kind;
    }

    /** The format by content, when it is one the e-mall stores and neither the name nor the declared type claims otherwise. */
    private static DocumentFormat acceptedFormat(Upload upload, String filename) {
        DocumentFormat format;
        try {
            format = ContentSniffer.detect(upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (format == DocumentFormat.EMPTY) {
            throw ProblemException.invalid("file", Msg.DOCUMENT_FILE_EMPTY.with());
        }
        if (!format.accepted()) {
            throw unsupported(Msg.DOCUMENT_TYPE_UNSUPPORTED.with(format.label().with()), format);
        }
        Optional<DocumentFormat> byName = DocumentFormat.claimedByName(filename);
        if (byName.isPresent() && byName.get() != format) {
            throw unsupported(Msg.DOCUMENT_NAME_MISMATCH.with(filename, byName.get().label().with(), format.label().with()), format);
        }
        Optional<DocumentFormat> byType = DocumentFormat.claimedByType(upload.declaredType());
        if (byType.isPresent() && byType.get() != format) {
            throw unsupported(Msg.DOCUMENT_DECLARED_MISMATCH.with(upload.declaredType(), byType.get().label().with(),
                    format.label().with()), format);
        }
        return format;
    }

    private static ProblemException unsupported(cn.emall.text.Text detail, DocumentFormat detected) {
        return new ProblemException(415, "unsupported-document-type", Msg.DOCUMENT_TYPE_TITLE, detail)
                .with("detected", detected.name());
    }

    /** Without a login, an address uploads at most so many files in any hour (by the service's clock). */
    private void refuseBeyondAnonymousLimit(String address) {
        jdbc.one("select pg_advisory_xact_lock(hashtext('document-upload:' || ?))", rs -> 0, address);
        Instant now = dates.now();
        Instant from = now.minus(Duration.ofHours(1));
        List<Instant> recent = jdbc.list("select uploaded_at from document where uploader_role = 'ANONYMOUS' "
                        + "and uploader_address = ? and uploaded_at > ? and uploaded_at <= ? order by uploaded_at",
                rs -> rs.getTimestamp(1).toInstant(), address, from, now);
        int limit = config.anonymousUploadsPerHour();
        if (recent.size() >= limit) {
            Instant freed = recent.get(recent.size() - limit).plus(Duration.ofHours(1));
            long seconds = Math.max(1, Duration.between(now, freed).toSeconds() + 1);
            throw new ProblemException(429, "uploads-limited", Msg.UPLOADS_LIMITED_TITLE,
                    Msg.UPLOADS_LIMITED_DETAIL.with(limit, seconds)).retryAfter(seconds);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<DocumentView> find(UUID id) {
        return jdbc.one("select " + COLUMNS + " from document where id = ?", this::view, id);
    }

    /**
     * The document, when the reader may read it: officers read what something uses and what officers
     * uploaded; a supplier reads what it uploaded and what belongs to it. Anyone else, and anybody
     * for an anonymous upload nothing uses yet, finds nothing (404, as for a document that does not exist).
     */
    public DocumentView readable(String id, Reader reader) {
        Optional<UUID> uuid = uuidOf(id);
        Optional<DocumentView> found = uuid.isEmpty() ? Optional.empty() : reader.officer()
                ? jdbc.one("select " + COLUMNS + " from document d where id = ? and (uploader_role = 'OFFICER' "
                + "or exists (select 1 from document_use u where u.document_id = d.id))", this::view, uuid.get())
                : reader.supplierId() == null ? Optional.empty()
                : jdbc.one("select " + COLUMNS + " from document d where id = ? and (uploader_supplier_id = ? "
                + "or exists (select 1 from document_use u where u.document_id = d.id and u.supplier_id = ?))",
                this::view, uuid.get(), reader.supplierId(), reader.supplierId());
        return found.orElseThrow(() -> ProblemException.notFound(Msg.THE_DOCUMENT.with(id)));
    }

    /** What uses the document, oldest first. */
    public List<Use> uses(UUID id) {
        return jdbc.list("select used_by, supplier_id, subject_id, used_at from document_use where document_id = ? order by id",
                rs -> new Use(DocumentUse.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                        dates.local(rs.getTimestamp(4).toInstant())), id);
    }

    /** Writes part of a readable document's bytes. */
    public void copy(DocumentView document, long offset, long length, java.io.OutputStream out) throws IOException {
        store.copy(document.id(), offset, length, out);
    }

    /**
     * Records that an application, import, appeal or answer uses these documents, in the caller's
     * transaction, and answers the materials with each document's SHA-256. Refused (400, naming
     * {@code field[i].documentRef}) when a document is unknown, not one this use may name (another
     * supplier's; an anonymous upload for anything but an application; an officer's for anything but
     * an import), already named by another application or import, or listed twice.
     *
     * @param supplierId the supplier the documents belong to from now on
     * @param subjectId  what uses them: the supplier admitted, the appeal, the notice answered
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Material> use(String field, List<Material> materials, DocumentUse usedBy, long supplierId, long subjectId) {
        Map<UUID, Candidate> candidates = lock(materials);
        List<InvalidField> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        List<Material> used = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            Material material = materials.get(i);
            String where = field + "[" + i + "].documentRef";
            Optional<UUID> id = uuidOf(material.documentRef());
            Candidate candidate = id.map(candidates::get).orElse(null);
            if (candidate != null && usedBy.admits() && candidate.admitted()) {
                errors.add(new InvalidField(where, Msg.DOCUMENT_REF_USED.with(material.documentRef())));
            } else if (candidate == null || !candidate.mayBeUsedBy(usedBy, supplierId)) {
                errors.add(new InvalidField(where, Msg.DOCUMENT_REF_UNKNOWN.with(material.documentRef())));
            } else if (!seen.add(candidate.id())) {
                errors.add(new InvalidField(where, Msg.DOCUMENT_REF_TWICE.with(material.documentRef())));
            } else {
                used.add(new Material(material.kind(), candidate.id().toString(), candidate.sha256()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = dates.now();
        for (Material material : used) {
            jdbc.update("insert into document_use (document_id, supplier_id, used_by, subject_id, used_at) values (?, ?, ?, ?, ?)",
                    UUID.fromString(material.documentRef()), supplierId, usedBy.name(), subjectId, now);
        }
        return used;
    }

    /** A named document, locked for the use: who uploaded it and whom it belongs to. */
    private record Candidate(UUID id, String sha256, String uploaderRole, Long uploaderSupplierId, boolean admitted,
                             Set<Long> usedBySuppliers) {

        boolean mayBeUsedBy(DocumentUse use, long supplierId) {
            return switch (use) {
                case APPLICATION -> uploaderRole.equals("ANONYMOUS") && usedBySuppliers.isEmpty();
                case IMPORT -> uploaderRole.equals("OFFICER") && usedBySuppliers.isEmpty();
                case APPEAL, NOTICE_RESPONSE -> Long.valueOf(supplierId).equals(uploaderSupplierId)
                        || usedBySuppliers.equals(Set.of(supplierId));
            };
        }
    }

    /** Locks the named documents (in id order, so that two uses never wait on each other crosswise). */
    private Map<UUID, Candidate> lock(List<Material> materials) {
        List<String> ids = materials.stream().map(Material::documentRef).map(Documents::uuidOf)
                .flatMap(Optional::stream).map(UUID::toString).distinct().toList();
        Map<UUID, Candidate> candidates = new HashMap<>();
        if (ids.isEmpty()) {
            return candidates;
        }
        jdbc.list("select id, sha256, uploader_role, uploader_supplier_id from document where id = any(?::uuid[]) "
                        + "order by id for update",
                rs -> candidates.put(rs.getObject(1, UUID.class), new Candidate(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getObject(4, Long.class), false, new HashSet<>())), ids);
        jdbc.list("select document_id, supplier_id, used_by from document_use where document_id = any(?::uuid[])", rs -> {
            Candidate candidate = candidates.get(rs.getObject(1, UUID.class));
            candidate.usedBySuppliers().add(rs.getLong(2));
            if (DocumentUse.valueOf(rs.getString(3)).admits()) {
                candidates.put(candidate.id(), new Candidate(candidate.id(), candidate.sha256(), candidate.uploaderRole(),
                        candidate.uploaderSupplierId(), true, candidate.usedBySuppliers()));
            }
            return 0;
        }, ids);
        return candidates;
    }

    /**
     * Deletes what nothing uses once it has been kept for {@code emall.documents.unused-kept-for}
     * after its upload (24 hours): an applicant's upload that no application named, a supplier's that
     * it never attached. Answers how many were deleted.
     */
    @Transactional
    public int collectUnused() {
        Instant before = dates.now().minus(config.unusedKeptFor());
        List<UUID> unused = jdbc.list("select id from document d where uploaded_at < ? "
                        + "and not exists (select 1 from document_use u where u.document_id = d.id) for update skip locked",
                rs -> rs.getObject(1, UUID.class), before);
        if (!unused.isEmpty()) {
            store.remove(unused);
            jdbc.update("delete from document where id = any(?::uuid[])", unused);
        }
        return unused.size();
    }

    private DocumentView view(ResultSet rs) throws SQLException {
        Timestamp uploaded = rs.getTimestamp(7);
        return new DocumentView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getString(5), rs.getString(6), dates.local(uploaded.toInstant()));
    }

    private static Optional<UUID> uuidOf(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
