package dev.sluice.adapters.http.out;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the Jetty {@code HttpClient} used for health probes and model discovery, so it is never mistaken for the
 * upstream client that carries proxied traffic (which follows different rules: long timeouts, streaming bodies).
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD})
public @interface ProbeClient {
}
