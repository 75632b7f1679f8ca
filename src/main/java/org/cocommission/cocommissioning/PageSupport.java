package org.cocommission.cocommissioning;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the page controllers share: a change from one of a page's small forms that either saves or comes back to the
 * page with the problem in words (the form's first binding error, in the words of messages.properties, or the
 * service's refusal).
 */
@Component
class PageSupport {

	private final MessageSource messages;

	PageSupport(MessageSource messages) {
		this.messages = messages;
	}

	String attempt(RedirectAttributes redirect, String target, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", true);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:" + target;
	}

	/** As {@link #attempt(RedirectAttributes, String, Runnable)}, once the form bound without errors. */
	String attempt(RedirectAttributes redirect, String target, BindingResult form, Runnable change) {
		if (form.hasErrors()) {
			redirect.addFlashAttribute("problem",
					messages.getMessage(form.getAllErrors().get(0), LocaleContextHolder.getLocale()));
			return "redirect:" + target;
		}
		return attempt(redirect, target, change);
	}
}
