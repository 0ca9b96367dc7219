package cn.emall.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The signed-in officer of this request, filled in by {@link SessionFilter} before a {@link SignedIn}
 * page runs: a page passes {@link #officer()} to the services as the actor, and its templates read
 * {@code {inject:console.officer}} and {@code {inject:console.csrf}}.
 */
@Named("console")
@RequestScoped
public class ConsoleSession {

    private Sessions.Session session;
    private String csrf;
    private Sessions.Cookie renewed;

    void signedIn(Sessions.Session session, String csrf, Sessions.Cookie renewed) {
        this.session = session;
        this.csrf = csrf;
        this.renewed = renewed;
    }

    /** Whether an officer is signed in on this request (error pages show the nav only then). */
    public boolean active() {
        return session != null;
    }

    /** The officer's username: the actor of what the page does, exactly as a token's name is in the API. */
    public String officer() {
        if (session == null) {
            throw new IllegalStateException("no officer is signed in on this request: is the page @SignedIn?");
        }
        return session.officer();
    }

    /** The CSRF token every form of the console sends back as the field {@value CsrfField#NAME}. */
    public String csrf() {
        return csrf;
    }

    /** The name of the form field that carries it, for the templates: {@code name="{inject:console.csrfField}"}. */
    public String csrfField() {
        return CsrfField.NAME;
    }

    /** The session cookie with this request counted as activity, for the answer. */
    Sessions.Cookie renewed() {
        return renewed;
    }
}
