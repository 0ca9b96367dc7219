package cn.emall.web.console;

import cn.emall.account.LoginService;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.Roles;
import cn.emall.text.Catalogue;
import cn.emall.text.Msg;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/**
 * Signing in to the console with an officer's account of the API, through {@link LoginService} so that
 * failures count towards the same lock-out as the token endpoint's; supplier and order-system accounts
 * are refused. The form carries a CSRF token tied to a cookie of its own, so that no other site can
 * sign a browser in. Signing out is a {@link SignedIn} POST of {@link SignOut}.
 */
@Path("/console/login")
@PermitAll
public class SignInPage {

    /** What the sign-in page shows: the form as sent, and a message. */
    public record SignInForm(String username, String next, String token, String error, String notice) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance login(SignInForm form);
    }

    private final LoginService logins;
    private final Sessions sessions;

    public SignInPage(LoginService logins, Sessions sessions) {
        this.logins = logins;
        this.sessions = sessions;
    }

    @GET
    public Response form(@QueryParam("next") String next, @QueryParam("expired") String expired,
                         @QueryParam("signedOut") String signedOut, @CookieParam(Sessions.COOKIE) String session,
                         @Context UriInfo uri, @HeaderParam(ConsoleCookies.FORWARDED_PROTO) String forwarded) {
        if (sessions.read(session).isPresent()) {
            return ConsolePages.seeOther(ConsoleLinks.afterSignIn(next));
        }
        String notice = "1".equals(signedOut) ? text(Msg.CONSOLE_SIGNED_OUT) : "1".equals(expired) ? text(Msg.CONSOLE_SESSION_EXPIRED) : null;
        return show(200, new SignInForm("", ConsoleLinks.afterSignIn(next), null, null, notice), uri, forwarded);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
                           @FormParam("next") String next, @FormParam(CsrfField.NAME) String token,
                           @CookieParam(Sessions.SIGN_IN_COOKIE) String nonce,
                           @Context UriInfo uri, @HeaderParam(ConsoleCookies.FORWARDED_PROTO) String forwarded) {
        if (nonce == null || !Sessions.same(token, sessions.signInToken(nonce))) {
            return ConsolePages.error(new ProblemException(403, "csrf", Msg.FORBIDDEN_TITLE, Msg.CONSOLE_CSRF_REFUSED.with()));
        }
        String typed = username == null ? "" : username.trim();
        String target = ConsoleLinks.afterSignIn(next);
        if (typed.isEmpty() || password == null || password.isEmpty()) {
            return show(400, new SignInForm(typed, target, null, text(Msg.CONSOLE_SIGN_IN_INCOMPLETE), null), uri, forwarded);
        }
        LoginService.SignedIn account;
        try {
            account = logins.authenticate(typed, password);
        } catch (ProblemException e) {
            return show(e.status(), new SignInForm(typed, target, null, e.detail().in(Catalogue.CHINESE), null), uri, forwarded);
        }
        if (!Roles.OFFICER.equals(account.role())) {
            return show(403, new SignInForm(typed, target, null, text(Msg.CONSOLE_NOT_AN_OFFICER), null), uri, forwarded);
        }
        boolean secure = ConsoleCookies.secure(uri, forwarded);
        return Response.seeOther(URI.create(target))
                .header(HttpHeaders.SET_COOKIE, ConsoleCookies.set(sessions.begin(account.username()), ConsoleLinks.HOME, secure))
                .header(HttpHeaders.SET_COOKIE, ConsoleCookies.remove(Sessions.SIGN_IN_COOKIE, ConsoleLinks.SIGN_IN, secure))
                .build();
    }

    /** The form with a fresh token, and the cookie it is tied to. */
    private Response show(int status, SignInForm form, UriInfo uri, String forwarded) {
        String nonce = sessions.signInNonce();
        SignInForm shown = new SignInForm(form.username(), form.next(), sessions.signInToken(nonce), form.error(), form.notice());
        return Response.fromResponse(ConsolePages.page(status, Templates.login(shown)))
                .header(HttpHeaders.SET_COOKIE, ConsoleCookies.set(new Sessions.Cookie(Sessions.SIGN_IN_COOKIE, nonce),
                        ConsoleLinks.SIGN_IN, ConsoleCookies.secure(uri, forwarded)))
                .build();
    }

    private static String text(Msg msg) {
        return msg.with().in(Catalogue.CHINESE);
    }
}
