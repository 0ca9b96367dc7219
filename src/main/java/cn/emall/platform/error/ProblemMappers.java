package cn.emall.platform.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import cn.emall.platform.db.DatabaseFailures;
import cn.emall.platform.text.UnsafeTextException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import cn.emall.text.Catalogue;
import cn.emall.text.Msg;
import cn.emall.text.Text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The one place that turns every exception into {@code application/problem+json}, worded in the
 * language the request asks for ({@link Catalogue#negotiate}) and saying which in {@code Content-Language}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers) {
        return respond(e, headers);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers) {
        List<InvalidField> errors = e.getConstraintViolations().stream()
                .map(v -> new InvalidField(fieldOf(v), ConstraintTexts.of(v)))
                .sorted(Comparator.comparing(InvalidField::field))
                .toList();
        return respond(ProblemException.invalid(errors), headers);
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e, HttpHeaders headers) {
        return respond(unknownField(e), headers);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, HttpHeaders headers) {
        return respond(mismatched(e), headers);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpHeaders headers) {
        return respond(notJson(e), headers);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, HttpHeaders headers) {
        return respond(unreadable(e), headers);
    }

    /**
     * The problem a JSON text answers when it cannot be read as the request it should be: the field and
     * what it must be, or where the text stops being JSON. For JSON that a page takes in a form field,
     * worded as the API words a body.
     */
    public static ProblemException problemOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return mismatched(mismatch);
        }
        if (e instanceof JsonParseException parse) {
            return notJson(parse);
        }
        return unreadable(e);
    }

    private static ProblemException unknownField(UnrecognizedPropertyException e) {
        return ProblemException.invalid(pathOf(e), Msg.UNKNOWN_FIELD.with());
    }

    private static ProblemException mismatched(MismatchedInputException e) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return malformed(Msg.BODY_WRONG_SHAPE.with(expectation(e.getTargetType())));
        }
        Text message = e instanceof InvalidFormatException invalid && invalid.getValue() != null
                ? Msg.EXPECTED_GOT.with(expectation(e.getTargetType()), abbreviate(String.valueOf(invalid.getValue())))
                : expectation(e.getTargetType());
        return ProblemException.invalid(field, message);
    }

    private static ProblemException notJson(JsonParseException e) {
        var location = e.getLocation();
        return malformed(Msg.BODY_NOT_JSON.with(location.getLineNr(), location.getColumnNr()));
    }

    private static ProblemException unreadable(JsonProcessingException e) {
        if (e instanceof UnsafeTextException unsafe) {
            String field = pathOf(unsafe);
            return ProblemException.invalid(field.isEmpty() ? "body" : field, unsafe.reason());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ProblemException.invalid(pathOf(mapping), Msg.INVALID_VALUE.with());
        }
        return malformed(Msg.BODY_NOT_READABLE.with());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(HttpHeaders headers) {
        Locale locale = localeOf(headers);
        Problem problem = HttpProblems.forStatus(401).toProblem(locale);
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return respond(HttpProblems.forStatus(403), headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof MismatchedInputException mismatched
                    ? wrongType(mismatched, headers)
                    : otherJson(json, headers);
        }
        return respond(HttpProblems.forStatus(status), headers);
    }

    @ServerExceptionMapper
    public Response databaseDown(JDBCConnectionException e, HttpHeaders headers) {
        return unavailable(e, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers) {
        if (DatabaseFailures.isConnectionLost(e)) {
            return unavailable(e, headers);
        }
        if (isUnreadableMultipart(e)) {
            return respond(malformed(Msg.MULTIPART_NOT_READABLE.with()), headers);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(new ProblemException(500, "internal-error", Msg.INTERNAL_ERROR_TITLE,
                Msg.INTERNAL_ERROR_INCIDENT.with(incident)), headers);
    }

    /** The multipart parser gave up on the body (no or wrong boundary, cut short): the client's fault. */
    private static boolean isUnreadableMultipart(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT)
                    .contains("multipart")) {
                return true;
            }
        }
        return false;
    }

    /** The language to answer in: the request's {@code Accept-Language}, Chinese unless it asks for English. */
    static Locale localeOf(HttpHeaders headers) {
        return Catalogue.negotiate(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Response respond(ProblemException e, HttpHeaders headers) {
        Locale locale = localeOf(headers);
        Problem problem = e.toProblem(locale);
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).entity(problem);
        e.headers().forEach(response::header);
        return response.build();
    }

    private static ProblemException malformed(Text detail) {
        return new ProblemException(400, "malformed-request", Msg.MALFORMED_TITLE, detail);
    }

    /**
     * The database went away: 503 with Retry-After, however the driver's error is wrapped. Lost at
     * commit, the change may or may not be stored; the same request sent again is safe for the
     * ledger (a sale already stored answers 200 with the stored line).
     */
    private static Response unavailable(Throwable e, HttpHeaders headers) {
        boolean atCommit = DatabaseFailures.isLostAtCommit(e);
        LOG.warn((atCommit ? "Database connection lost at commit: " : "Database unreachable: ") + e.getMessage());
        Locale locale = localeOf(headers);
        Problem problem = new ProblemException(503, "unavailable", Msg.UNAVAILABLE_TITLE,
                (atCommit ? Msg.DATABASE_LOST_AT_COMMIT : Msg.DATABASE_UNREACHABLE).with()).toProblem(locale);
        return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, "5")
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).entity(problem).build();
    }

    /** "apply.request.materials[0].kind" becomes "materials[0].kind": the method and argument are not the client's. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        int index = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            index++;
            if (index <= 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                if (node.getKind() == jakarta.validation.ElementKind.PARAMETER && isQueryLike(node.getName())) {
                    field.append(node.getName());
                }
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static boolean isQueryLike(String name) {
        return !name.equals("request") && !name.equals("body") && !name.startsWith("arg");
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static Text expectation(Class<?> target) {
        if (target == null) {
            return Msg.WRONG_TYPE.with();
        }
        if (target == LocalDate.class) {
            return Msg.MUST_BE_DATE.with();
        }
        if (target == OffsetDateTime.class || Temporal.class.isAssignableFrom(target)) {
            return Msg.MUST_BE_TIMESTAMP.with();
        }
        if (target == BigDecimal.class || target == BigInteger.class || Number.class.isAssignableFrom(target)
                || target == int.class || target == long.class || target == double.class) {
            return Msg.MUST_BE_NUMBER.with();
        }
        if (target == Boolean.class || target == boolean.class) {
            return Msg.MUST_BE_BOOLEAN.with();
        }
        if (target == String.class) {
            return Msg.MUST_BE_STRING.with();
        }
        if (target.isEnum()) {
            return Msg.MUST_BE_ONE_OF.with(java.util.Arrays.stream(target.getEnumConstants()).map(Object::toString).toList());
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return Msg.MUST_BE_ARRAY.with();
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return Msg.MUST_BE_OBJECT.with();
        }
        return Msg.WRONG_TYPE.with();
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }
}
