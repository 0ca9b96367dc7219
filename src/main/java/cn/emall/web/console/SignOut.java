package cn.emall.web.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Signing out (a POST with the CSRF token, so that no other site can sign an officer out): the cookie is removed. */
@Path("/console/logout")
@PermitAll
@SignedIn
public class SignOut {

    @POST
    public Response signOut(@Context UriInfo uri, @HeaderParam(ConsoleCookies.FORWARDED_PROTO) String forwarded) {
        return Response.seeOther(java.net.URI.create(ConsoleLinks.SIGN_IN + "?signedOut=1"))
                .header(HttpHeaders.SET_COOKIE, ConsoleCookies.remove(Sessions.COOKIE, ConsoleLinks.HOME,
                        ConsoleCookies.secure(uri, forwarded)))
                .build();
    }
}
