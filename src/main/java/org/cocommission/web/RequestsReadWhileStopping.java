package org.cocommission.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Answers 503 (come back) to a request Tomcat declines because it has paused for shutdown. Tomcat marks such a
 * request 503 without reading its headers, then finds it has no Host header and replaces the 503 with a 400: the
 * client would be told its request was wrong, and neither it nor a load balancer would retry it elsewhere.
 */
@Component
class RequestsReadWhileStopping implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	/** Seconds a client is asked to wait: a restarted instance is up well within it. */
	static final String RETRY_AFTER = "10";

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addEngineValves(new DeclinedWhilePaused());
	}

	/** First on the engine, so that no part of the application sees a request whose headers were never read. */
	static final class DeclinedWhilePaused extends ValveBase {

		DeclinedWhilePaused() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			if (response.getStatus() >= HttpServletResponse.SC_BAD_REQUEST && paused(request)) {
				response.reset();
				response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
				response.setHeader("Retry-After", RETRY_AFTER);
				response.setHeader("Connection", "close");
				return;
			}
			getNext().invoke(request, response);
		}

		private static boolean paused(Request request) {
			ProtocolHandler protocol = request.getConnector().getProtocolHandler();
			return protocol instanceof AbstractHttp11Protocol<?> http && http.isPaused();
		}
	}
}
