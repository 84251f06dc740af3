package org.leadcrm.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one Spring test configuration: the whole application on a random port. Service, UI and
 * browser tests all use it, so each test run starts exactly one application context. (Two
 * contexts in one JVM would each install their own Vaadin security-context strategy, and the
 * security context set by one kind of test would be invisible to the other.)
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Vaadin's development tools would cover notifications in the browser journeys.
        properties = "vaadin.devmode.devTools.enabled=false")
public @interface ApplicationTest {
}
