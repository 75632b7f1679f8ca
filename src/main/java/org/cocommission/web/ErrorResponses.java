package org.cocommission.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors answered before any controller is chosen (a content type no mapping consumes, a method not allowed, a request
 * the server cannot parse) reach the error path rather than {@link ApiErrors}: for machines they are answered as the
 * same RFC 9457 problem details, and people get the error page as before.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorResponses extends BasicErrorController {

	ErrorResponses(ErrorAttributes attributes, WebProperties web, List<ErrorViewResolver> resolvers) {
		super(attributes, web.getError(), resolvers);
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail(status));
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path != null) {
			problem.put("instance", path);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request could not be read";
			case METHOD_NOT_ALLOWED -> "This address does not take that method";
			case UNSUPPORTED_MEDIA_TYPE -> "This address does not take a body of that content type";
			case NOT_ACCEPTABLE -> "This address cannot answer in the format asked for";
			case CONTENT_TOO_LARGE -> "The request is larger than this address takes";
			case NOT_FOUND -> "Nothing is found at this address";
			case UNAUTHORIZED -> "Sign in to see this";
			case FORBIDDEN -> "Your account cannot do this";
			default -> status.is5xxServerError() ? "Something went wrong on our side. Nothing was stored half-way."
					: status.getReasonPhrase();
		};
	}
}
