package cn.emall.platform.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text that fails on bytes that are not UTF-8 instead of replacing them, and only when the
 * reader reaches them: every character before the bad bytes is delivered first, so that the error
 * is reported at the right line (an {@link java.io.InputStreamReader} fails as soon as its read-ahead
 * buffer holds them).
 */
final class StrictUtf8Reader extends Reader {

    private static final int BUFFER_BYTES = 8192;
    private static final int NONE = -1;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_BYTES).flip();
    private boolean inputEnded;
    private boolean flushed;
    private CharacterCodingException failure;
    private int held = NONE;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (held != NONE || length == 1) {
            return readOne(target, offset);
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (failure == null && out.position() == offset && !flushed) {
            CoderResult result = decoder.decode(bytes, out, inputEnded);
            if (result.isError()) {
                failure = new MalformedInputException(result.length());
            } else if (result.isUnderflow()) {
                if (inputEnded) {
                    decoder.flush(out);
                    flushed = true;
                } else {
                    fill();
                }
            }
        }
        int produced = out.position() - offset;
        if (produced > 0) {
            return produced;
        }
        if (failure != null) {
            throw failure;
        }
        return -1;
    }

    /** One character; the second half of a surrogate pair waits for the next read. */
    private int readOne(char[] target, int offset) throws IOException {
        if (held != NONE) {
            target[offset] = (char) held;
            held = NONE;
            return 1;
        }
        char[] pair = new char[2];
        int n = read(pair, 0, 2);
        if (n <= 0) {
            return n;
        }
        target[offset] = pair[0];
        held = n == 2 ? pair[1] : NONE;
        return 1;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
            inputEnded = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
