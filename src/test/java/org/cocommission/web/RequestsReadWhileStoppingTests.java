package org.cocommission.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.coyote.http11.Http11NioProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

/**
 * A request on a connection Tomcat accepted before it paused for shutdown, read after the pause: Tomcat declines it
 * without reading its headers, and must say so with 503 (come back), not the 400 it would give on its own.
 */
class RequestsReadWhileStoppingTests {

	private TomcatWebServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop();
		}
	}

	@Test
	void aRequestReadAfterThePauseIsAnsweredServiceUnavailable() throws Exception {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
		factory.setProtocol(PausingProtocol.class.getName());
		this.server = started(factory);

		String answer = requestReadAfterThePause();

		assertThat(answer).startsWith("HTTP/1.1 503 ");
		assertThat(answer).contains("Connection: close").contains("Retry-After: ");
	}

	@Test
	void requestsBeforeThePauseAreServedAsUsual() throws Exception {
		this.server = started(new TomcatServletWebServerFactory(0));

		try (Socket socket = new Socket("localhost", this.server.getPort())) {
			socket.getOutputStream().write(request().getBytes(StandardCharsets.US_ASCII));
			assertThat(readAll(socket.getInputStream())).startsWith("HTTP/1.1 200 ").endsWith("served");
		}
	}

	private TomcatWebServer started(TomcatServletWebServerFactory factory) {
		new RequestsReadWhileStopping().customize(factory);
		TomcatWebServer started = (TomcatWebServer) factory.getWebServer((context) -> context
			.addServlet("served", new HttpServlet() {
				@Override
				protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
					response.getWriter().write("served");
				}
			})
			.addMapping("/"));
		started.start();
		return started;
	}

	private String requestReadAfterThePause() throws Exception {
		PausingProtocol.pauseAfterTheNextCheck.set(true);
		try (Socket socket = new Socket("localhost", this.server.getPort())) {
			socket.getOutputStream().write(request().getBytes(StandardCharsets.US_ASCII));
			return readAll(socket.getInputStream());
		}
		finally {
			PausingProtocol.pauseAfterTheNextCheck.set(false);
		}
	}

	/**
	 * Pauses between the processor's two checks: after it has decided to read a request, before it parses the request
	 * line. A real shutdown does so only when its signal falls between those few instructions.
	 */
	public static class PausingProtocol extends Http11NioProtocol {

		static final AtomicBoolean pauseAfterTheNextCheck = new AtomicBoolean();

		private final AtomicInteger checks = new AtomicInteger();

		@Override
		public boolean isPaused() {
			if (!pauseAfterTheNextCheck.get()) {
				this.checks.set(0);
				return super.isPaused();
			}
			return this.checks.incrementAndGet() > 1;
		}
	}

	private static String request() {
		return "GET /page HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
	}

	private static String readAll(InputStream in) throws IOException {
		return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
	}
}
