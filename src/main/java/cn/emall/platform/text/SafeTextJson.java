package cn.emall.platform.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every string the service's ObjectMapper reads passes {@link SafeText}: field values, strings in
 * lists and in free-form maps (a listing's parameters), and map keys. A refused string fails the
 * body with an {@link UnsafeTextException} that names its field.
 */
@Singleton
public class SafeTextJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    /** The module on its own, for a mapper outside the container. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("safe-text");
        module.addDeserializer(String.class, new SafeStringDeserializer());
        module.addKeyDeserializer(String.class, new SafeKeyDeserializer());
        return module;
    }

    /** Reads a string as Jackson does (with the mapper's coercion rules), then checks it. */
    static final class SafeStringDeserializer extends StdScalarDeserializer<String> {

        SafeStringDeserializer() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            var problem = SafeText.problem(value);
            if (problem.isPresent()) {
                throw new UnsafeTextException(parser, problem.get());
            }
            return value;
        }
    }

    /** A map key: the field is the map, and the key is not repeated in the answer. */
    static final class SafeKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            var problem = SafeText.problem(key);
            if (problem.isPresent()) {
                throw new UnsafeTextException(context.getParser(), problem.get());
            }
            return key;
        }
    }
}
