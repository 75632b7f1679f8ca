package org.cocommission.cocommissioning;

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
}
