package org.leadcrm.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.leadcrm.security.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.context.TestContextManager;

/**
 * The base of every service test: the whole application on the test database chosen by
 * {@link TestDatabaseInitializer}, with tables emptied before each test. Every subclass shares
 * one Spring context, so keep annotations that would change it (profiles, properties, mock
 * beans) off the subclasses.
 *
 * <p>Tests are not wrapped in a transaction: each service call commits as it does in
 * production, so a test sees exactly what a user would (and what a rollback left behind).
 * Sign in with {@code @WithMockUser(username = ..., roles = ...)} or {@link #signIn(Role)}.
 */
@ApplicationTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
public abstract class IntegrationTest {

    protected final TestData data;

    protected IntegrationTest(TestData data) {
        this.data = data;
    }

    @BeforeEach
    void startFromEmptyTables() {
        data.wipe();
    }

    @AfterEach
    void signOut() {
        TestSecurityContextHolder.clearContext();
    }

    /**
     * The application context every subclass runs in, for test engines that do not run Spring's
     * JUnit extension (jqwik's properties). It comes from Spring's context cache, so asking for it
     * starts no second application.
     */
    public static ApplicationContext sharedContext() {
        return new TestContextManager(IntegrationTest.class).getTestContext().getApplicationContext();
    }

    /** Signs in as the user {@link TestData#usernameOf(Role)} with that role, for the rest of the test. */
    public static void signIn(Role role) {
        signIn(TestData.usernameOf(role), role);
    }

    public static void signIn(String username, Role role) {
        Authentication authentication = new TestingAuthenticationToken(username, TestData.PASSWORD, role.authority());
        authentication.setAuthenticated(true);
        TestSecurityContextHolder.setAuthentication(authentication);
    }
}
