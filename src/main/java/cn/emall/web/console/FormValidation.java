package cn.emall.web.console;

import cn.emall.platform.error.ConstraintTexts;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;

/**
 * A form's fields checked as the API checks the same request's body: the request record the API
 * takes, built from the form and validated with its own Bean Validation constraints, so that a page
 * refuses exactly what the API refuses, with the same field names and messages.
 */
@ApplicationScoped
public class FormValidation {

    private final Validator validator;

    public FormValidation(Validator validator) {
        this.validator = validator;
    }

    /** The request when it is valid; else refused with every field that breaks a constraint. */
    public <T> T checked(T request) {
        List<InvalidField> errors = validator.validate(request).stream()
                .map(violation -> new InvalidField(violation.getPropertyPath().toString(), ConstraintTexts.of(violation)))
                .sorted(Comparator.comparing(InvalidField::field))
                .toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return request;
    }

    /** One field's value checked against that field's constraints on the request type, before the rest of the form is there. */
    public <T> void checkValue(Class<T> type, String field, Object value) {
        List<InvalidField> errors = validator.validateValue(type, field, value).stream()
                .map(violation -> new InvalidField(field, ConstraintTexts.of(violation)))
                .toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
