package cn.emall.web;

import cn.emall.enforcement.Announcement;
import cn.emall.enforcement.Announcements;
import cn.emall.platform.db.DatabaseFailures;
import cn.emall.platform.error.HttpProblems;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.web.PageRequest;
import cn.emall.text.Msg;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The public pages, in Chinese: the landing page and the announcement board (公示) with a page per
 * announcement and an Atom feed. They read the board through {@link Announcements}, as the JSON API
 * does, and answer what they cannot show (an unknown announcement, a bad query) with an error page.
 */
@Path("/")
@PermitAll
public class PublicPages {

    static final String HTML = "text/html;charset=UTF-8";
    static final String ATOM = "application/atom+xml;charset=UTF-8";
    /** The pages load only what the service serves: no inline script, no other origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final Logger LOG = Logger.getLogger(PublicPages.class);

    @CheckedTemplate(basePath = "")
    static class Pages {
        static native TemplateInstance home();

        static native TemplateInstance error(ErrorPage page);
    }

    @CheckedTemplate(basePath = "board")
    static class Board {
        static native TemplateInstance list(BoardPage board);

        /** The results of {@link #list}: what htmx swaps in when the search or the page changes. */
        static native TemplateInstance list$results(BoardPage board);

        static native TemplateInstance notice(Announcement a);

        static native TemplateInstance feed(FeedPage feed);
    }

    private final Announcements announcements;
    private final BusinessDates dates;

    public PublicPages(Announcements announcements, BusinessDates dates) {
        this.announcements = announcements;
        this.dates = dates;
    }

    @GET
    public Response home() {
        return page(200, Pages.home()).build();
    }

    /**
     * The board: a full page, or only its results for htmx (HX-Request), except when htmx restores a
     * page of its history, which needs the whole of it.
     */
    @GET
    @Path("board")
    public Response board(@QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("page") String page,
                          @QueryParam("size") String size, @HeaderParam("HX-Request") String htmx,
                          @HeaderParam("HX-History-Restore-Request") String restoring) {
        List<InvalidField> refused = new ArrayList<>();
        PageRequest paging = Queries.paging(refused, page, size);
        Announcements.Filter filter = Queries.read(refused, () -> Announcements.Filter.of(q, status));
        Queries.refuse(refused);
        BoardPage board = new BoardPage(filter, Paging.of(paging, announcements.count(filter)),
                announcements.list(filter, paging), PageRequest.DEFAULT_SIZE);
        boolean resultsOnly = "true".equals(htmx) && !"true".equals(restoring);
        return page(200, resultsOnly ? Board.list$results(board) : Board.list(board))
                .header(HttpHeaders.VARY, "HX-Request, HX-History-Restore-Request").build();
    }

    @GET
    @Path("board/{noticeId}")
    public Response notice(@PathParam("noticeId") String noticeId) {
        Announcement announcement = parseId(noticeId).flatMap(announcements::one)
                .orElseThrow(() -> ProblemException.notFound(Msg.THE_ANNOUNCEMENT.with(noticeId)));
        return page(200, Board.notice(announcement)).build();
    }

    /** The board as an Atom feed, newest notice first, paged like the board (RFC 5005 links). */
    @GET
    @Path("board/feed.atom")
    public Response feed(@QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uri) {
        PageRequest paging = Queries.paging(page, size);
        FeedPage feed = new FeedPage(uri.getBaseUri(), Paging.of(paging, announcements.count(Announcements.Filter.ALL)),
                announcements.list(Announcements.Filter.ALL, paging),
                announcements.lastUpdated().orElseGet(() -> dates.local(dates.now())), PageRequest.DEFAULT_SIZE);
        return Response.ok(Board.feed(feed).render(), ATOM).header(HttpHeaders.CONTENT_LANGUAGE, "zh-CN").build();
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return error(e);
    }

    @ServerExceptionMapper
    public Response failed(Throwable e) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return error(HttpProblems.forStatus(web.getResponse().getStatus()));
        }
        if (DatabaseFailures.isConnectionLost(e)) {
            LOG.warn("Database unreachable: " + e.getMessage());
            return error(HttpProblems.forStatus(503));
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure of a page, incident %s", incident);
        return error(new ProblemException(500, "internal-error", Msg.INTERNAL_ERROR_TITLE,
                Msg.INTERNAL_ERROR_INCIDENT.with(incident)));
    }

    private static Response error(ProblemException e) {
        ErrorPage page = ErrorPage.of(e);
        Response.ResponseBuilder answer = page(page.status(), Pages.error(page));
        return (page.status() == 503 ? answer.header(HttpHeaders.RETRY_AFTER, "5") : answer).build();
    }

    /** The page, rendered here so that its type keeps its charset (the template's own type has none). */
    private static Response.ResponseBuilder page(int status, TemplateInstance template) {
        return Response.status(status).entity(template.render()).type(HTML)
                .header(HttpHeaders.CONTENT_LANGUAGE, "zh-CN")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff");
    }

    private static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
