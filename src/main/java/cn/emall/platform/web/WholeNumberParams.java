package cn.emall.platform.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads whole-number query parameters ({@code ?page=2}) so that a value that is not one answers 400
 * naming the parameter: JAX-RS would answer 404, as if the resource did not exist.
 */
@Provider
public class WholeNumberParams implements ParamConverterProvider {

    /** A query parameter that is not a whole number; answered as 400 with the parameter's name. */
    public static final class NotAWholeNumber extends IllegalArgumentException {

        private final String parameter;

        NotAWholeNumber(String parameter) {
            super(parameter + " must be a whole number");
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Integer.class && rawType != Long.class) {
            return null;
        }
        String name = "parameter";
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            }
        }
        String parameter = name;
        boolean isInteger = rawType == Integer.class;
        return (ParamConverter<T>) new ParamConverter<Number>() {
            @Override
            public Number fromString(String value) {
                if (value == null || value.isEmpty()) {
                    return null;
                }
                try {
                    return isInteger ? Integer.valueOf(value.trim()) : Long.valueOf(value.trim());
                } catch (NumberFormatException e) {
                    throw new NotAWholeNumber(parameter);
                }
            }

            @Override
            public String toString(Number value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
