package cn.emall.web.console;

import cn.emall.platform.error.Problem;
import cn.emall.platform.error.ProblemException;
import cn.emall.text.Catalogue;
import cn.emall.web.ErrorPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * How a console page answers: {@link #page} renders its template into an HTML answer, {@link #error}
 * a problem as the console's error page. {@link ConsoleHeaders} adds the headers every console answer
 * carries (no-store, the content security policy, the renewed session cookie).
 */
public final class ConsolePages {

    public static final String HTML = "text/html;charset=UTF-8";

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance error(ErrorPage page);
    }

    private ConsolePages() {
    }

    /** The template rendered, answered 200. */
    public static Response page(TemplateInstance template) {
        return page(200, template);
    }

    /** The template rendered, answered with this status (a form shown again with its errors answers 400). */
    public static Response page(int status, TemplateInstance template) {
        return Response.status(status).entity(template.render()).type(HTML)
                .header(HttpHeaders.CONTENT_LANGUAGE, "zh-CN").build();
    }

    /** After a form that changed something: back to a page with GET (303), so that reloading does not send it again. */
    public static Response seeOther(String path) {
        return Response.seeOther(java.net.URI.create(path)).build();
    }

    /** The problem as the console's error page, in Chinese. */
    public static Response error(ProblemException e) {
        return error(e.toProblem(Catalogue.CHINESE));
    }

    static Response error(Problem problem) {
        return page(problem.status(), Templates.error(ErrorPage.of(problem)));
    }
}
