package cn.emall.web.console;

import cn.emall.platform.error.Problem;
import cn.emall.platform.error.ProblemException;
import cn.emall.text.Catalogue;

import java.util.List;

/**
 * A form's refusal as the page shows it: the problem the API would answer, in Chinese, with each
 * refused field's message beside that field ({@link #on}) and, for a field the form does not have,
 * in the list at the top.
 */
public record FormProblem(String title, String detail, List<FieldMessage> errors) {

    public record FieldMessage(String field, String message) {
    }

    static FormProblem of(ProblemException e) {
        Problem problem = e.toProblem(Catalogue.CHINESE);
        List<FieldMessage> errors = problem.errors() == null ? List.of()
                : problem.errors().stream().map(error -> new FieldMessage(error.field(), error.message())).toList();
        return new FormProblem(problem.title(), problem.detail(), errors);
    }

    /** The message for this field, or null: {@code {#if form.on('reason')}...}. */
    public String on(String field) {
        return errors.stream().filter(error -> error.field().equals(field)).map(FieldMessage::message).findFirst().orElse(null);
    }
}
