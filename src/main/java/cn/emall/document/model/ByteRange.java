package cn.emall.document.model;

import java.util.Optional;

/**
 * One range of a file's bytes that a {@code Range} header asks for (RFC 9110, section 14): from
 * {@code first} to {@code last} inclusive. A header this service does not serve as a range (not in
 * bytes, several ranges, not well formed) is ignored and the whole file is sent, as the RFC allows;
 * a range that starts beyond the file cannot be satisfied (416).
 */
public record ByteRange(long first, long last) {

    /** The range cannot be satisfied: it starts at or beyond the end of the file. */
    public static final class Unsatisfiable extends Exception {
        public Unsatisfiable(String range) {
            super(range);
        }
    }

    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} of this range within a file of {@code size} bytes. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** The range asked for, empty to send the whole file. */
    public static Optional<ByteRange> parse(String header, long size) throws Unsatisfiable {
        if (header == null || !header.startsWith("bytes=")) {
            return Optional.empty();
        }
        String spec = header.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (spec.contains(",") || dash < 0) {
            return Optional.empty();
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        if (!digits(from) && !(from.isEmpty() && digits(to)) || !to.isEmpty() && !digits(to)) {
            return Optional.empty();
        }
        if (from.isEmpty()) {
            long suffix = Long.parseLong(to);
            if (suffix == 0) {
                throw new Unsatisfiable(header);
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(from);
        long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
        if (!to.isEmpty() && Long.parseLong(to) < first) {
            return Optional.empty();
        }
        if (first >= size) {
            throw new Unsatisfiable(header);
        }
        return Optional.of(new ByteRange(first, last));
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.length() < 19 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
