package cn.emall.web.console;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a console page resource: {@link SessionFilter} lets its requests through only with a live
 * session (else to the sign-in page) and its POSTs only with the session's CSRF token (else 403).
 * {@code AccessTableTest} (its console test) fails for a resource under {@code /console} without it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SignedIn {
}
