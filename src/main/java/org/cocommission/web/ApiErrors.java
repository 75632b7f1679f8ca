package org.cocommission.web;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.cocommission.identity.UsernameTakenException;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error as RFC 9457 problem details. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
		return invalid(ex.getMessage(), ex.fieldErrors()
			.entrySet()
			.stream()
			.map(error -> new FieldProblem(error.getKey(), error.getValue()))
			.toList());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
	}

	/** A body or form that Bean Validation refused ({@code @Valid}): 400 naming every field, as for a rule's refusal. */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(error -> problems.add(new FieldProblem(error.getField(), messageOf(error))));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> problems.add(new FieldProblem(error.getObjectName(), messageOf(error))));
		String detail = problems.stream().map(FieldProblem::message).collect(Collectors.joining("; "));
		return new ResponseEntity<>(invalid(detail, problems).getBody(), HttpStatus.BAD_REQUEST);
	}

	private String messageOf(ObjectError error) {
		MessageSource messages = getMessageSource();
		return messages == null ? error.getDefaultMessage()
				: messages.getMessage(error, LocaleContextHolder.getLocale());
	}

	private static ResponseEntity<ProblemDetail> invalid(String detail, List<FieldProblem> fields) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid input");
		problem.setProperty("errors", fields);
		return ResponseEntity.badRequest().body(problem);
	}

	/** One refused field of a request: its name as the request named it, and what to do about it. */
	record FieldProblem(String field, String message) {
	}

	@ExceptionHandler(NoSuchElementException.class)
	ResponseEntity<ProblemDetail> notFound(NoSuchElementException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> conflict(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "Changed by someone else",
				"Someone else changed this while you were editing it. Reload it and make your change again.");
	}

	@ExceptionHandler(UsernameTakenException.class)
	ResponseEntity<ProblemDetail> usernameTaken(UsernameTakenException ex) {
		return problem(HttpStatus.CONFLICT, "Username taken", ex.getMessage());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return problem(HttpStatus.UNAUTHORIZED, "Sign in needed", "Sign in to see this");
		}
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).body(problem);
	}
}
