package cn.emall.platform.imports;

import cn.emall.platform.error.ProblemException;
import cn.emall.platform.text.UnsafeTextException;
import cn.emall.text.Msg;
import cn.emall.text.Text;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;

/**
 * The lines of a JSON import: a JSON array of objects, read one element at a time with a streaming
 * parser, so that only the element at hand is in memory. Element N is line N. An element of the
 * wrong shape (not an object, an unknown field, a value of the wrong type) is refused with the
 * field it concerns and reading goes on with the next element; broken JSON syntax is refused at the
 * element where it occurs and ends the file, as nothing after it can be trusted.
 *
 * @param <T> the request type of one element
 */
public final class JsonArraySource<T> implements LineSource<T> {

    private static final int SHOWN_CHARACTERS = 200;

    private final ObjectMapper mapper;
    private final InputStream in;
    private final ObjectReader reader;
    private JsonParser parser;
    private int arrayDepth;
    private int line;
    private boolean finished;

    /**
     * @param mapper the application's mapper, whose settings (unknown fields, dates) apply
     * @param in     the request body; its encoding is detected (UTF-8 with or without BOM)
     * @param type   the request type of one element
     */
    public JsonArraySource(ObjectMapper mapper, InputStream in, Class<T> type) {
        this.mapper = mapper;
        this.in = in;
        this.reader = mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public Parsed<T> next() throws IOException {
        if (finished) {
            return null;
        }
        int candidate = line + 1;
        try {
            if (parser == null) {
                open();
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                finished = true;
                return parser.nextToken() == null ? null
                        : Parsed.refused(candidate, null, Msg.IMPORT_AFTER_THE_ARRAY.with());
            }
            line = candidate;
            if (token == null) {
                finished = true;
                return Parsed.refused(candidate, null, Msg.IMPORT_ARRAY_NOT_CLOSED.with());
            }
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return Parsed.refused(candidate, null, Msg.IMPORT_LINE_NOT_AN_OBJECT.with());
            }
            return element(candidate);
        } catch (JsonProcessingException e) {
            finished = true;
            return Parsed.refused(candidate, null, notJson(e));
        }
    }

    private void open() throws IOException {
        parser = mapper.createParser(in);
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            finished = true;
            throw new ProblemException(400, "malformed-request", Msg.MALFORMED_TITLE, Msg.IMPORT_NOT_AN_ARRAY.with());
        }
        arrayDepth = parser.getParsingContext().getNestingDepth();
    }

    private Parsed<T> element(int number) throws IOException {
        try {
            return Parsed.of(number, reader.readValue(parser));
        } catch (JsonMappingException e) {
            StreamReadException syntax = syntaxCause(e);
            if (syntax != null) {
                throw syntax;
            }
            skipRestOfElement();
            return Parsed.refused(number, fieldOf(e), messageOf(e));
        }
    }

    /** After a failed element, moves to its end, so that the next element can be read. */
    private void skipRestOfElement() throws IOException {
        while (parser.getParsingContext().getNestingDepth() > arrayDepth) {
            if (parser.nextToken() == null) {
                return;
            }
        }
    }

    private static StreamReadException syntaxCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException syntax) {
                return syntax;
            }
        }
        return null;
    }

    /** Jackson's own description of the syntax error is quoted as it is, in English. */
    private static Text notJson(JsonProcessingException e) {
        var location = e.getLocation();
        return location == null
                ? Msg.IMPORT_LINE_NOT_JSON.with(shown(e.getOriginalMessage()))
                : Msg.IMPORT_LINE_NOT_JSON_AT.with(location.getLineNr(), location.getColumnNr(), shown(e.getOriginalMessage()));
    }

    private static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    private static Text messageOf(JsonMappingException e) {
        if (e instanceof UnsafeTextException unsafe) {
            return unsafe.reason();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return Msg.UNKNOWN_FIELD.with();
        }
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            return Msg.EXPECTED_GOT.with(expectation(invalid.getTargetType()), shown(String.valueOf(invalid.getValue())));
        }
        if (e instanceof MismatchedInputException mismatched) {
            return expectation(mismatched.getTargetType());
        }
        return Msg.INVALID_VALUE.with();
    }

    private static Text expectation(Class<?> target) {
        if (target == null) {
            return Msg.WRONG_TYPE.with();
        }
        if (target == LocalDate.class) {
            return Msg.MUST_BE_DATE.with();
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return Msg.MUST_BE_TIMESTAMP.with();
        }
        if (target == Integer.class || target == Long.class || target == BigInteger.class
                || target == int.class || target == long.class) {
            return Msg.MUST_BE_WHOLE_NUMBER.with();
        }
        if (target == BigDecimal.class || Number.class.isAssignableFrom(target) || target == double.class) {
            return Msg.MUST_BE_NUMBER.with();
        }
        if (target == Boolean.class || target == boolean.class) {
            return Msg.MUST_BE_BOOLEAN.with();
        }
        if (target == String.class) {
            return Msg.MUST_BE_STRING.with();
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return Msg.MUST_BE_ARRAY.with();
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return Msg.MUST_BE_OBJECT.with();
        }
        return Msg.WRONG_TYPE.with();
    }

    private static String shown(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= SHOWN_CHARACTERS ? text : text.substring(0, SHOWN_CHARACTERS) + "...";
    }
}
