package org.cocommission.cocommissioning;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the page controllers share: a change that either saves or comes back with the problem in words. */
final class PageSupport {

	private PageSupport() {
	}

	static String attempt(RedirectAttributes redirect, String target, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", true);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:" + target;
	}

	static LocalDateTime dateTime(String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.trim().length() == 16 ? text.trim() + ":00" : text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Enter the " + what + " as a date and time, like 2015-01-09T12:00");
		}
	}

	static LocalDate date(String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Enter the " + what + " as a date, like 2015-04-01");
		}
	}
}
