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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The one place that turns every exception into {@code application/problem+json}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(ProblemException.invalid(errors).toProblem());
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e) {
        return respond(ProblemException.invalid(pathOf(e), "is not a known field").toProblem());
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return malformed("The body does not have the expected shape: " + expectation(e.getTargetType()) + ".");
        }
        String message = e instanceof InvalidFormatException invalid && invalid.getValue() != null
                ? expectation(e.getTargetType()) + ", got '" + abbreviate(String.valueOf(invalid.getValue())) + "'"
                : expectation(e.getTargetType());
        return respond(ProblemException.invalid(field, message).toProblem());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        var location = e.getLocation();
        return malformed("The body is not valid JSON (line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ").");
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        if (e instanceof UnsafeTextException unsafe) {
            String field = pathOf(unsafe);
            return respond(ProblemException.invalid(field.isEmpty() ? "body" : field, unsafe.reason()).toProblem());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return respond(ProblemException.invalid(pathOf(mapping), "has an invalid value").toProblem());
        }
        return malformed("The body could not be read as JSON.");
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        Problem problem = new ProblemException(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required (POST /api/v1/auth/token).").toProblem();
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(problem).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new ProblemException(403, "forbidden", "Forbidden",
                "Your role may not do this.").toProblem());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof MismatchedInputException mismatched ? wrongType(mismatched) : otherJson(json);
        }
        return respond(HttpProblems.forStatus(status));
    }

    @ServerExceptionMapper
    public Response databaseDown(JDBCConnectionException e) {
        return unavailable(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseFailures.isConnectionLost(e)) {
            return unavailable(e);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(new ProblemException(500, "internal-error", "Internal error",
                "The service failed unexpectedly; quote incident " + incident + " to the operator.").toProblem());
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response malformed(String detail) {
        return respond(new ProblemException(400, "malformed-request", "Malformed request", detail).toProblem());
    }

    /**
     * The database went away: 503 with Retry-After, however the driver's error is wrapped. Lost at
     * commit, the change may or may not be stored; the same request sent again is safe for the
     * ledger (a sale already stored answers 200 with the stored line).
     */
    private static Response unavailable(Throwable e) {
        boolean atCommit = DatabaseFailures.isLostAtCommit(e);
        LOG.warn((atCommit ? "Database connection lost at commit: " : "Database unreachable: ") + e.getMessage());
        String detail = atCommit
                ? "The database connection was lost while the change was being committed, so whether it was stored "
                + "is unknown; send the same request again shortly (a sale already stored answers 200 with the stored line)."
                : "The database is unreachable; try again shortly.";
        Problem problem = new ProblemException(503, "unavailable", "Service unavailable", detail).toProblem();
        return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, "5").entity(problem).build();
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

    private static String expectation(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target == LocalDate.class) {
            return "must be a real date as YYYY-MM-DD";
        }
        if (target == OffsetDateTime.class || Temporal.class.isAssignableFrom(target)) {
            return "must be a timestamp as ISO-8601 with offset, e.g. 2024-01-01T09:30:00+08:00";
        }
        if (target == BigDecimal.class || target == BigInteger.class || Number.class.isAssignableFrom(target)
                || target == int.class || target == long.class || target == double.class) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(target.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }
}
