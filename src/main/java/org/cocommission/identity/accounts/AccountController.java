package org.cocommission.identity.accounts;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.InvalidAccountInputException;
import org.cocommission.identity.UserAccounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own account: who they are and their password. */
@Controller
class AccountController {

	private final UserAccounts accounts;

	private final AccessPolicy policy;

	AccountController(UserAccounts accounts, AccessPolicy policy) {
		this.accounts = accounts;
		this.policy = policy;
	}

	@GetMapping("/account")
	String account(Model model) {
		model.addAttribute("form", new PasswordForm(null, null, null));
		return page(model);
	}

	@PostMapping("/account/password")
	String changePassword(@ModelAttribute("form") PasswordForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		String username = policy.requireUser().username();
		if (form.newPassword() != null && !form.newPassword().equals(form.confirmPassword())) {
			result.rejectValue("confirmPassword", "mismatch", "The new passwords do not match");
			return page(model);
		}
		try {
			accounts.changePassword(username, form.currentPassword(), form.newPassword());
		}
		catch (InvalidAccountInputException ex) {
			ex.rejectIn(result);
			return page(model);
		}
		redirect.addFlashAttribute("passwordChanged", true);
		return "redirect:/account";
	}

	private String page(Model model) {
		String username = policy.requireUser().username();
		model.addAttribute("account", accounts.find(username).orElseThrow());
		return "identity/account";
	}

	/**
	 * The password form; the confirmation only guards against a typing slip, so the API does without it. The rules on
	 * the passwords themselves are the service's, shared with the API.
	 */
	record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {
	}
}
