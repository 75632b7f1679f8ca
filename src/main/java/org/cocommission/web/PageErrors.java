package org.cocommission.web;

import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import de.siegmar.fastcsv.reader.CsvParseException;

import org.cocommission.platform.UnreadableFileException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on pages become a friendly page. Access refusals are left to Spring Security, which sends
 * anonymous people to the login page and shows the others a 403.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	private final MessageSource messages;

	PageErrors(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Query parameters a page's bound record refused (a form re-renders itself instead, as it takes the
	 * BindingResult): a 400 page saying what is wrong with each.
	 */
	@ExceptionHandler(BindException.class)
	ModelAndView invalidQuery(BindException ex) {
		return page(HttpStatus.BAD_REQUEST, ex.getAllErrors()
			.stream()
			.map(error -> messages.getMessage(error, LocaleContextHolder.getLocale()))
			.collect(Collectors.joining(" ")));
	}

	/** A query parameter or path variable that does not read as its type: a 400 page saying what to write. */
	@ExceptionHandler(TypeMismatchException.class)
	ModelAndView typeMismatch(TypeMismatchException ex) {
		return page(HttpStatus.BAD_REQUEST, messages.getMessage(TypeMismatches.message(ex), LocaleContextHolder.getLocale()));
	}

	@ExceptionHandler(NoSuchElementException.class)
	ModelAndView notFound(NoSuchElementException ex) {
		return page(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ModelAndView badRequest(IllegalArgumentException ex) {
		return page(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ModelAndView conflict(OptimisticLockingFailureException ex) {
		return page(HttpStatus.CONFLICT, "Someone else changed this while you were editing it. Go back, reload and try again.");
	}

	/** A value PostgreSQL refuses as data: the request's fault, and nothing of it is stored (see StorableValues). */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView unstorable(DataIntegrityViolationException ex) {
		return page(HttpStatus.BAD_REQUEST, StorableValues.refusal(ex).orElseThrow(() -> ex));
	}

	/** A file that is not CSV by the one rule every import follows: 422, nothing stored. */
	@ExceptionHandler(CsvParseException.class)
	ModelAndView unreadableCsv(CsvParseException ex) {
		if (ex.getCause() instanceof UnreadableFileException unreadable) {
			return unreadableFile(unreadable);
		}
		return page(HttpStatus.UNPROCESSABLE_CONTENT, "The file is not valid CSV: " + ex.getMessage());
	}

	@ExceptionHandler(UnreadableFileException.class)
	ModelAndView unreadableFile(UnreadableFileException ex) {
		return page(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
	}

	@ExceptionHandler(MultipartException.class)
	ModelAndView unreadableMultipart(MultipartException ex) {
		return page(HttpStatus.BAD_REQUEST, "The upload could not be read. Choose the file again and send the form.");
	}

	private static ModelAndView page(HttpStatus status, String detail) {
		var page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("detail", detail);
		return page;
	}
}
