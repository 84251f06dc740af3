package org.leadcrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.fakeservlet.FakeHttpSession;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.TestSecurityContextHolder;

/** A deactivated user's open sessions end once the deactivation commits; nobody else's do. */
class UserSessionsTest extends KaribuTest {

    UserSessionsTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    @Test
    void deactivating_a_user_invalidates_the_session_of_their_open_page() {
        signInAs(Role.MARKETING_MANAGER);
        FakeHttpSession session = httpSession();
        VaadinSession page = VaadinSession.getCurrent();
        assertThat(bean(UserSessions.class).userOf(page)).hasValue("marketing_manager");

        asAnotherUser("root", Role.ADMIN, () -> bean(UserService.class).setActive("marketing_manager", false));
        // the session's own lock is held by this test's request: the invalidation runs when it is let go
        MockVaadin.clientRoundtrip();

        assertThat(session.isValid()).isFalse();
        assertThat(bean(UserSessions.class).userOf(page)).isEmpty();
    }

    @Test
    void a_refused_deactivation_leaves_the_session_open() {
        data.user("root", Role.ADMIN);
        signInAs("root", Role.ADMIN);
        FakeHttpSession session = httpSession();

        // an Administrator whose account was deactivated meanwhile tries to deactivate the last active one
        assertThatThrownBy(() -> asAnotherUser("former", Role.ADMIN,
                () -> bean(UserService.class).setActive("root", false)))
                .isInstanceOf(UserChangeRefusedException.class);
        MockVaadin.clientRoundtrip();

        assertThat(session.isValid()).isTrue();
        assertThat(bean(UserSessions.class).userOf(VaadinSession.getCurrent())).hasValue("root");
    }

    @Test
    void changing_a_role_leaves_the_session_open_until_the_next_sign_in() {
        signInAs(Role.SALESPERSON);
        FakeHttpSession session = httpSession();

        asAnotherUser("root", Role.ADMIN, () -> bean(UserService.class).changeRole("salesperson", Role.SALES_MANAGER));
        MockVaadin.clientRoundtrip();

        assertThat(session.isValid()).isTrue();
    }

    private static FakeHttpSession httpSession() {
        return (FakeHttpSession) ((WrappedHttpSession) VaadinSession.getCurrent().getSession()).getHttpSession();
    }

    /** As an Administrator in another browser: on another thread, outside this page's request. */
    private static void asAnotherUser(String username, Role role, Runnable work) {
        try {
            CompletableFuture.runAsync(() -> {
                signIn(username, role);
                try {
                    work.run();
                } finally {
                    TestSecurityContextHolder.clearContext();
                }
            }, job -> new Thread(job, "another-browser").start()).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }
}
