package org.cocommission.web;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.reader.CsvParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

import org.cocommission.identity.UsernameTakenException;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.UnreadableFileException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
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

	/**
	 * A query parameter or path variable that does not read as its type (a year, a level, a month): 400 naming it, in
	 * the words of messages.properties (see {@link TypeMismatches}).
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String message = messageOf(TypeMismatches.message(ex));
		return new ResponseEntity<>(invalid(message, List.of(new FieldProblem(ex.getPropertyName(), message)))
			.getBody(), HttpStatus.BAD_REQUEST);
	}

	/** A required query parameter left out: 400 naming it. */
	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String message = ex.getBody().getDetail();
		return new ResponseEntity<>(invalid(message, List.of(new FieldProblem(ex.getParameterName(), message)))
			.getBody(), HttpStatus.BAD_REQUEST);
	}

	private String messageOf(MessageSourceResolvable error) {
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

	/**
	 * A body that is not the JSON asked for (broken, the wrong type, a NUL in a text, a number too large): 400 naming
	 * where in the body, without the parser's internals.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = "The request body is not readable JSON of the expected shape";
		List<FieldProblem> fields = List.of();
		if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String field = path(databind);
			String words = typeMismatchWords(databind, field);
			if (words != null) {
				detail = words;
			}
			else {
				String problem = databind.getOriginalMessage().replaceAll("\\s+", " ");
				detail = field + ": " + (problem.length() > 300 ? problem.substring(0, 300) + "…" : problem);
			}
			fields = List.of(new FieldProblem(field, detail));
		}
		else if (ex.getCause() instanceof JacksonException json) {
			detail = "The request body is not valid JSON: " + json.getOriginalMessage().lines().findFirst().orElse("");
		}
		return new ResponseEntity<>(invalid(detail, fields).getBody(), HttpStatus.BAD_REQUEST);
	}

	/**
	 * A text in a body that does not read as its field's type ({@code "year": "next year"}) is worded as the same value
	 * in a parameter or form field would be: {@code typeMismatch.<field>}, then {@code typeMismatch.<type>} in
	 * messages.properties; null where neither is written, or where the value was no text (a number out of range says
	 * why in its own words).
	 */
	private String typeMismatchWords(DatabindException ex, String field) {
		MessageSource messages = getMessageSource();
		if (messages == null || !(ex instanceof InvalidFormatException format) || !(format.getValue() instanceof String)
				|| format.getTargetType() == null) {
			return null;
		}
		for (String code : List.of("typeMismatch." + field, "typeMismatch." + format.getTargetType().getName())) {
			String words = messages.getMessage(code, new Object[] { field }, null, LocaleContextHolder.getLocale());
			if (words != null) {
				return words;
			}
		}
		return null;
	}

	/** Where in the body a value was refused, as the request names it: {@code [1].allocation}, {@code sections.INTEGRATION}. */
	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	/**
	 * A value PostgreSQL refuses as data (SQLSTATE class 22: a number out of range, a text too long or holding a NUL,
	 * an impossible date) is the request's fault, and the transaction has stored nothing of it: 400, never a 500.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> unstorable(DataIntegrityViolationException ex) {
		return StorableValues.refusal(ex)
			.map(detail -> problem(HttpStatus.BAD_REQUEST, "Invalid input", detail))
			.orElseThrow(() -> ex);
	}

	/** A file that is not CSV by the one rule every import follows (docs/domain-rules.md#input-every-request-follows): 422, nothing stored. */
	@ExceptionHandler(CsvParseException.class)
	ResponseEntity<ProblemDetail> unreadableCsv(CsvParseException ex) {
		if (ex.getCause() instanceof UnreadableFileException unreadable) {
			return unreadableFile(unreadable);
		}
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "File not readable", "The file is not valid CSV: " + ex.getMessage());
	}

	/** An upload that cannot be meant as given (CsvUploads): 422 naming the line and byte offset, nothing stored. */
	@ExceptionHandler(UnreadableFileException.class)
	ResponseEntity<ProblemDetail> unreadableFile(UnreadableFileException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("File not readable");
		problem.setProperty("line", ex.line());
		if (ex.byteOffset() >= 0) {
			problem.setProperty("byteOffset", ex.byteOffset());
		}
		return ResponseEntity.unprocessableContent().body(problem);
	}

	/** A multipart request that cannot be parsed (no boundary, cut short): 400. */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", "The upload is not a readable multipart/form-data request");
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
