package org.cocommission.cocommissioning.web;

import org.cocommission.platform.InvalidInputException;

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
public class PageSupport {

	private final MessageSource messages;

	public PageSupport(MessageSource messages) {
		this.messages = messages;
	}

	public String attempt(RedirectAttributes redirect, String target, Runnable change) {
		return attempt(redirect, target, (String) null, change);
	}

	/** As {@link #attempt(RedirectAttributes, String, Runnable)}, saying what was done ({@code done}) once done. */
	public String attempt(RedirectAttributes redirect, String target, String done, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", done == null ? Boolean.TRUE : done);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:" + target;
	}

	/**
	 * As {@link #attempt(RedirectAttributes, String, Runnable)}, once the form bound without errors. A refusal (a
	 * binding error, or the service's {@link InvalidInputException} put on its field) goes back to the page with the
	 * form and its errors as flash attributes, so each message shows beside its field with what was typed.
	 */
	public String attempt(RedirectAttributes redirect, String target, BindingResult form, Runnable change) {
		return attempt(redirect, target, form, (String) null, change);
	}

	/** As {@link #attempt(RedirectAttributes, String, BindingResult, Runnable)}, saying what was done once done. */
	public String attempt(RedirectAttributes redirect, String target, BindingResult form, String done, Runnable change) {
		String problem = null;
		if (!form.hasErrors()) {
			try {
				change.run();
				redirect.addFlashAttribute("saved", done == null ? Boolean.TRUE : done);
				return "redirect:" + target;
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(form);
				problem = ex.getMessage();
			}
			catch (IllegalArgumentException ex) {
				// A refusal of the whole move keeps what was typed (issue 22: the sign-off comment was lost).
				redirect.addFlashAttribute("problem", ex.getMessage());
				redirect.addFlashAttribute(form.getObjectName(), form.getTarget());
				return "redirect:" + target;
			}
		}
		redirect.addFlashAttribute("problem", problem != null ? problem
				: messages.getMessage(form.getAllErrors().get(0), LocaleContextHolder.getLocale()));
		redirect.addFlashAttribute(form.getObjectName(), form.getTarget());
		redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + form.getObjectName(), form);
		return "redirect:" + target;
	}
}
