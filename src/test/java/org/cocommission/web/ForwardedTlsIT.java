package org.cocommission.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS-terminating proxy on an internal address that says so (X-Forwarded-Proto: https), the session cookie
 * is Secure and HSTS is sent; over plain HTTP neither, as the browser would ignore or misapply them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForwardedTlsIT {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private HttpResponse<String> login(boolean forwardedTls) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET();
		if (forwardedTls) {
			request.header("X-Forwarded-Proto", "https");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aRequestTheProxyReceivedOverTlsGetsASecureCookieAndHsts() throws Exception {
		HttpResponse<String> secure = login(true);
		assertThat(secure.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(secure.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("SESSION=").containsIgnoringCase("; Secure"));

		HttpResponse<String> plain = login(false);
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(plain.headers().allValues("Set-Cookie")).noneSatisfy(cookie -> assertThat(cookie)
			.containsIgnoringCase("; Secure"));
	}
}
