package cn.emall.document.model;

import cn.emall.text.Msg;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a file's content is, as far as documents are concerned: the four formats the e-mall accepts
 * and the others it recognises, so that a refusal can name what it found. Each format lists the
 * file-name extensions and media types that claim it.
 */
public enum DocumentFormat {
    PDF("application/pdf", true, Set.of("pdf"), Set.of("application/pdf")),
    JPEG("image/jpeg", true, Set.of("jpg", "jpeg", "jpe", "jfif"), Set.of("image/jpeg", "image/jpg", "image/pjpeg")),
    PNG("image/png", true, Set.of("png"), Set.of("image/png")),
    /** GB/T 33190 electronic document: a ZIP package with OFD.xml at its root. */
    OFD("application/ofd", true, Set.of("ofd"), Set.of("application/ofd")),
    HTML(null, false, Set.of("html", "htm", "xhtml", "shtml"), Set.of("text/html", "application/xhtml+xml")),
    XML(null, false, Set.of("xml", "svg"), Set.of("application/xml", "text/xml", "image/svg+xml")),
    GIF(null, false, Set.of("gif"), Set.of("image/gif")),
    ZIP(null, false, Set.of("zip"), Set.of("application/zip", "application/x-zip-compressed")),
    OFFICE_OPEN_XML(null, false, Set.of("docx", "xlsx", "pptx"), Set.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation")),
    OFFICE_LEGACY(null, false, Set.of("doc", "xls", "ppt"), Set.of("application/msword", "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint")),
    EXECUTABLE(null, false, Set.of("exe", "dll", "com", "scr", "msi", "elf", "so"),
            Set.of("application/x-msdownload", "application/x-executable", "application/vnd.microsoft.portable-executable")),
    TEXT(null, false, Set.of("txt", "csv", "js", "json", "sh", "bat", "cmd", "ps1"),
            Set.of("text/plain", "text/csv", "text/javascript", "application/javascript", "application/json")),
    EMPTY(null, false, Set.of(), Set.of()),
    UNKNOWN(null, false, Set.of(), Set.of());

    private final String mediaType;
    private final boolean accepted;
    private final Set<String> extensions;
    private final Set<String> claimingTypes;

    DocumentFormat(String mediaType, boolean accepted, Set<String> extensions, Set<String> claimingTypes) {
        this.mediaType = mediaType;
        this.accepted = accepted;
        this.extensions = extensions;
        this.claimingTypes = claimingTypes;
    }

    /** The format's name in the catalogues ("an HTML page"), for refusals that name what was found. */
    public Msg label() {
        return switch (this) {
            case PDF -> Msg.FORMAT_PDF;
            case JPEG -> Msg.FORMAT_JPEG;
            case PNG -> Msg.FORMAT_PNG;
            case OFD -> Msg.FORMAT_OFD;
            case HTML -> Msg.FORMAT_HTML;
            case XML -> Msg.FORMAT_XML;
            case GIF -> Msg.FORMAT_GIF;
            case ZIP -> Msg.FORMAT_ZIP;
            case OFFICE_OPEN_XML -> Msg.FORMAT_OFFICE_OPEN_XML;
            case OFFICE_LEGACY -> Msg.FORMAT_OFFICE_LEGACY;
            case EXECUTABLE -> Msg.FORMAT_EXECUTABLE;
            case TEXT -> Msg.FORMAT_TEXT;
            case EMPTY -> Msg.FORMAT_EMPTY;
            case UNKNOWN -> Msg.FORMAT_UNKNOWN;
        };
    }

    /** Whether the e-mall stores documents of this format. */
    public boolean accepted() {
        return accepted;
    }

    /** The media type a stored document of this format is served as; only for accepted formats. */
    public String mediaType() {
        if (!accepted) {
            throw new IllegalStateException(this + " is not stored");
        }
        return mediaType;
    }

    /**
     * Whether a browser may show the document in the page: PDF and images. Anything else is served
     * as an attachment.
     */
    public boolean inline() {
        return this == PDF || this == JPEG || this == PNG;
    }

    /** The format a file name's extension claims, if it names one. */
    public static Optional<DocumentFormat> claimedByName(String filename) {
        int dot = filename == null ? -1 : filename.lastIndexOf('.');
        if (dot < 0 || dot == filename.length() - 1) {
            return Optional.empty();
        }
        String extension = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.extensions.contains(extension)).findFirst();
    }

    /** The format a declared media type (the multipart part's Content-Type) claims, if it names one. */
    public static Optional<DocumentFormat> claimedByType(String declaredType) {
        if (declaredType == null) {
            return Optional.empty();
        }
        String type = declaredType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.claimingTypes.contains(type)).findFirst();
    }

    /** The accepted format served as this media type, if any. */
    public static Optional<DocumentFormat> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(format -> format.accepted && format.mediaType.equals(mediaType)).findFirst();
    }
}
