package cn.emall.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * JSON is read strictly: a number is not a string (12345 for a name is refused, not stored as
 * "12345"), 1.5 is not a whole number, and dates and timestamps are ISO-8601 strings only (a number
 * would otherwise be read as days or seconds since 1970). Money stays a string or a number.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** After Quarkus's own customizers, so that these deserializers replace the JavaTimeModule's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        SimpleModule strictTime = new SimpleModule("strict-time");
        strictTime.addDeserializer(LocalDate.class, new IsoString<>(LocalDate.class, LocalDate::parse));
        strictTime.addDeserializer(OffsetDateTime.class, new IsoString<>(OffsetDateTime.class, OffsetDateTime::parse));
        mapper.registerModule(strictTime);
    }

    /** Reads a value only from an ISO-8601 string. */
    static final class IsoString<T> extends StdDeserializer<T> {
        private final Function<String, T> parse;

        IsoString(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            try {
                return parse.apply(parser.getText().trim());
            } catch (DateTimeParseException e) {
                return (T) context.handleWeirdStringValue(handledType(), parser.getText(), "not an ISO-8601 value");
            }
        }
    }
}
