package org.leadcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-in over real HTTP: the protections a business app's users expect. */
class SignInProtectionTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    private int port;

    SignInProtectionTest(TestData data) {
        super(data);
    }

    /** Signs in through the login form as a browser would; returns where the app sends the user. */
    private String signIn(String username, String password) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = client.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow()).getRawPath()
                + (response.headers().firstValue("Location").orElseThrow().contains("?error") ? "?error" : "");
    }

    @Test
    void the_right_password_signs_in_and_a_wrong_one_does_not() throws Exception {
        data.user("ada", Role.SALESPERSON);

        assertThat(signIn("ada", "wrong")).isEqualTo("/login?error");
        assertThat(signIn("ada", TestData.PASSWORD)).doesNotContain("error");
    }

    @Test
    void repeated_failed_sign_ins_lock_the_account_for_a_while() throws Exception {
        data.user("ada", Role.SALESPERSON);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(signIn("ada", "guess-" + attempt)).isEqualTo("/login?error");
        }

        assertThat(signIn("ada", TestData.PASSWORD)).as("locked even with the right password").isEqualTo("/login?error");
    }

    @Test
    void a_successful_sign_in_resets_the_count_of_failures() throws Exception {
        data.user("ada", Role.SALESPERSON);
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn("ada", "guess-" + attempt);
        }
        assertThat(signIn("ada", TestData.PASSWORD)).doesNotContain("error");
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn("ada", "guess-" + attempt);
        }

        assertThat(signIn("ada", TestData.PASSWORD)).doesNotContain("error");
    }

    @Test
    void a_deactivated_user_cannot_sign_in() throws Exception {
        data.user("ada", Role.ADMIN);
        data.jdbc().update("update app_user set active = false where username = 'ada'");

        assertThat(signIn("ada", TestData.PASSWORD)).isEqualTo("/login?error");
    }

    @Test
    void pages_carry_the_security_headers() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/login")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
