package org.leadcrm.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.leadcrm.security.Role;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The base of every server-side UI test: the whole application (one shared Spring context, the
 * same as the service tests'), routes discovered once, a fresh mocked Vaadin UI per test, and a
 * way to sign in as a user of a role the way Vaadin sees it — through the request.
 */
public abstract class KaribuTest extends IntegrationTest {

    private static Routes routes;

    private final ApplicationContext context;

    protected KaribuTest(TestData data, ApplicationContext context) {
        super(data);
        this.context = context;
    }

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("org.leadcrm");
            // Karibu finds public views only; ours are package-private, as feature packages want.
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
            for (BeanDefinition view : scanner.findCandidateComponents("org.leadcrm")) {
                routes.getRoutes().add(viewClass(view.getBeanClassName()));
            }
        }
    }

    @BeforeEach
    void setUpVaadin() {
        // The request factory is global: start every test signed out.
        MockVaadin.setMockRequestFactory(FakeRequest::new);
        startVaadin();
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /**
     * Signs in as the test user of {@code role} (created if needed) and starts a new UI, as after a
     * fresh sign-in. Vaadin reads the principal and roles from the request, so the fake request
     * answers {@code getUserPrincipal()} and {@code isUserInRole}; Spring's services read the
     * security context, so that is set too.
     */
    protected void signInAs(Role role) {
        String username = TestData.usernameOf(role);
        if (!data.userExists(username)) {
            data.user(username, role);
        }
        signInAs(username, role);
    }

    protected void signInAs(String username, Role role) {
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority(role.authority())));
        MockVaadin.tearDown();
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            request.setUserPrincipalInt(authentication);
            request.setUserInRole((principal, roleName) -> role.roleName().equals(roleName)
                    || role.authority().equals(roleName));
            return request;
        });
        SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(authentication);
        SecurityContextHolder.setContext(securityContext);
        startVaadin();
        // Vaadin's security context strategy reads the HTTP session first, as after a real sign-in.
        VaadinSession.getCurrent().getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, securityContext);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Component> viewClass(String name) {
        try {
            return (Class<? extends Component>) Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bean of the application, for arranging what the UI under test should find. */
    protected <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    private void startVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }
}
