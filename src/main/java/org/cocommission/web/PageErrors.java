package org.cocommission.web;

import java.util.NoSuchElementException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on pages become a friendly page. Access refusals are left to Spring Security, which sends
 * anonymous people to the login page and shows the others a 403.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

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

	private static ModelAndView page(HttpStatus status, String detail) {
		var page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("detail", detail);
		return page;
	}
}
