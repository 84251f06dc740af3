package org.leadcrm.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The open Vaadin sessions of each signed-in user, so that deactivating a user ends them: their
 * next click or page load finds no session and lands on the sign-in page.
 *
 * <p>A session is noted when a page (a UI) opens in it with a signed-in user, not when it starts:
 * it starts on the sign-in page, before anyone has signed in, and is kept through the sign-in.
 * Sign-out invalidates it, which removes it here too.
 */
@Component
class UserSessions implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

    private final Map<VaadinSession, String> usernames = new ConcurrentHashMap<>();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> noteUser(init.getUI().getSession()));
        event.getSource().addSessionDestroyListener(destroy -> usernames.remove(destroy.getSession()));
    }

    private void noteUser(VaadinSession session) {
        VaadinRequest request = VaadinRequest.getCurrent();
        Principal user = request == null ? null : request.getUserPrincipal();
        if (user != null) {
            usernames.put(session, user.getName());
        }
    }

    /** Only once the deactivation has committed: a refused or failed one leaves the user signed in. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AccountChanged event) {
        if (event.change() == AccountChanged.Change.DEACTIVATED) {
            end(event.username());
        }
    }

    /** Invalidates every open session of {@code username}; how many there were. */
    int end(String username) {
        List<VaadinSession> sessions = usernames.entrySet().stream()
                .filter(entry -> entry.getValue().equals(username))
                .map(Map.Entry::getKey)
                .toList();
        for (VaadinSession session : sessions) {
            usernames.remove(session);
            try {
                // Under the session's own lock, as Vaadin requires; runs at once unless a request of
                // that user holds it, and then as soon as that request is done.
                session.access(() -> invalidate(session, username));
            } catch (RuntimeException closing) {
                // a session being closed meanwhile ends anyway; the others must still end
                log.warn("Could not end a session of {}: {}", username, closing.toString());
            }
        }
        return sessions.size();
    }

    private static void invalidate(VaadinSession session, String username) {
        WrappedSession httpSession = session.getSession();
        try {
            if (httpSession != null) {
                httpSession.invalidate();
            }
        } catch (IllegalStateException alreadyInvalid) {
            // signed out or timed out meanwhile: ended either way
        }
        log.info("Ended a session of the deactivated user {}", username);
    }

    /** Whose session this is noted to be, for tests. */
    Optional<String> userOf(VaadinSession session) {
        return Optional.ofNullable(usernames.get(session));
    }
}
