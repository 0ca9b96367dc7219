package cn.emall.web;

import cn.emall.platform.error.Problem;
import cn.emall.platform.error.ProblemException;
import cn.emall.text.Catalogue;

import java.util.List;

/**
 * What a page answers instead of what was asked for: the problem the API would answer, in Chinese,
 * with each refused query parameter named as the page names it.
 */
public record ErrorPage(int status, String title, String detail, List<Line> errors) {

    /** One refused parameter: 页码（page） and what is wrong with it. */
    public record Line(String parameter, String message) {
    }

    static ErrorPage of(ProblemException e) {
        return of(e.toProblem(Catalogue.CHINESE));
    }

    /** The problem as a page shows it: the console's pages show the problems they run into with this. */
    public static ErrorPage of(Problem problem) {
        List<Line> lines = problem.errors() == null ? List.of()
                : problem.errors().stream().map(error -> new Line(Labels.parameter(error.field()), error.message())).toList();
        return new ErrorPage(problem.status(), problem.title(), problem.detail(), lines);
    }
}
