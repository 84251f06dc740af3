package org.leadcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The headers a browser gets, directly and behind a TLS-terminating proxy. The tests connect from
 * loopback, a trusted proxy address, so {@code X-Forwarded-Proto: https} makes a request secure
 * as the proxy's would.
 */
class SecurityHeadersTest extends IntegrationTest {

    @LocalServerPort
    private int port;

    SecurityHeadersTest(TestData data) {
        super(data);
    }

    @Test
    void pages_carry_the_security_headers() throws Exception {
        HttpResponse<Void> response = get(HttpRequest.newBuilder(url("/login")));

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfig.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfig.CONTENT_SECURITY_POLICY.split("; ")).contains(
                "default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "form-action 'self'", "base-uri 'self'");
    }

    @Test
    void behind_an_https_proxy_responses_carry_hsts_and_a_secure_http_only_same_site_session_cookie() throws Exception {
        HttpResponse<Void> response = get(HttpRequest.newBuilder(url("/login"))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.7"));

        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts -> {
            assertThat(hsts).startsWith("max-age=31536000");
            assertThat(hsts).contains("includeSubDomains");
        });
        List<String> cookie = sessionCookieAttributes(response);
        assertThat(cookie).contains("secure", "httponly", "samesite=lax");
        System.out.printf("[headers] behind an HTTPS proxy: Strict-Transport-Security: %s; Set-Cookie: %s%n",
                response.headers().firstValue("Strict-Transport-Security").orElse("(none)"), redacted(response));
    }

    @Test
    void over_plain_http_there_is_no_hsts_and_the_cookie_is_http_only_and_same_site_but_not_secure() throws Exception {
        HttpResponse<Void> response = get(HttpRequest.newBuilder(url("/login")));

        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        List<String> cookie = sessionCookieAttributes(response);
        assertThat(cookie).contains("httponly", "samesite=lax").doesNotContain("secure");
    }

    private HttpResponse<Void> get(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    /** The attributes of the JSESSIONID cookie set by the response, in lower case, without its value. */
    private static List<String> sessionCookieAttributes(HttpResponse<Void> response) {
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
        return Arrays.stream(cookie.split(";")).skip(1).map(part -> part.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static String redacted(HttpResponse<Void> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("JSESSIONID="))
                .map(header -> header.replaceFirst("JSESSIONID=[^;]*", "JSESSIONID=…"))
                .findFirst().orElse("(none)");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
