package cn.emall.document.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Tells a file's format by its content alone: the leading bytes (the format's signature) and, for a
 * ZIP package, the entries at its root. The name and the declared type are never consulted here;
 * they only count as claims that the content must bear out ({@link DocumentFormat#claimedByName}).
 */
public final class ContentSniffer {

    /** As many leading bytes as any signature needs, and enough to tell text from binary. */
    static final int HEAD = 4096;

    private static final byte[] PDF = ascii("%PDF-");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] GIF87 = ascii("GIF87a");
    private static final byte[] GIF89 = ascii("GIF89a");
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};
    private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};
    private static final byte[] MZ = ascii("MZ");

    private ContentSniffer() {
    }

    /** The format of the file's content. */
    public static DocumentFormat detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        DocumentFormat byHead = detect(head);
        return byHead == DocumentFormat.ZIP ? zipPackage(file) : byHead;
    }

    /** The format told by the leading bytes; a ZIP package needs its entries ({@link #detect(Path)}). */
    static DocumentFormat detect(byte[] head) {
        if (head.length == 0) {
            return DocumentFormat.EMPTY;
        }
        if (startsWith(head, PDF)) {
            return DocumentFormat.PDF;
        }
        if (startsWith(head, PNG)) {
            return DocumentFormat.PNG;
        }
        if (startsWith(head, JPEG)) {
            return DocumentFormat.JPEG;
        }
        if (startsWith(head, GIF87) || startsWith(head, GIF89)) {
            return DocumentFormat.GIF;
        }
        if (startsWith(head, ZIP)) {
            return DocumentFormat.ZIP;
        }
        if (startsWith(head, OLE)) {
            return DocumentFormat.OFFICE_LEGACY;
        }
        if (startsWith(head, ELF) || startsWith(head, MZ)) {
            return DocumentFormat.EXECUTABLE;
        }
        return text(head);
    }

    /** OFD when OFD.xml is at the package's root; an Office document when it has [Content_Types].xml. */
    private static DocumentFormat zipPackage(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("OFD.xml") != null) {
                return DocumentFormat.OFD;
            }
            return zip.getEntry("[Content_Types].xml") != null ? DocumentFormat.OFFICE_OPEN_XML : DocumentFormat.ZIP;
        } catch (ZipException e) {
            return DocumentFormat.ZIP;
        }
    }

    /** Markup when it opens with a tag (HTML or XML), text when it decodes as UTF-8, unknown otherwise. */
    private static DocumentFormat text(byte[] head) {
        String start = decodable(head);
        if (start == null) {
            return DocumentFormat.UNKNOWN;
        }
        String lead = start.replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
        if (lead.startsWith("<!doctype html") || lead.startsWith("<html") || lead.startsWith("<head")
                || lead.startsWith("<body") || lead.startsWith("<script") || lead.startsWith("<iframe")) {
            return DocumentFormat.HTML;
        }
        if (lead.startsWith("<?xml") || lead.startsWith("<svg") || lead.startsWith("<!doctype")) {
            return DocumentFormat.XML;
        }
        return DocumentFormat.TEXT;
    }

    /** The bytes as text when they are UTF-8 without NUL (a sequence cut at the end tolerated), else null. */
    private static String decodable(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return null;
            }
        }
        int length = head.length;
        for (int cut = 0; cut < 4 && length > 0; cut++, length--) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(head, 0, length)).toString();
            } catch (CharacterCodingException e) {
                if (head.length < HEAD) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
