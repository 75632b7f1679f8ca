package org.cocommission.identity;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
		return page(model, Map.of());
	}

	@PostMapping("/account/password")
	String changePassword(PasswordForm form, Model model, RedirectAttributes redirect) {
		String username = policy.requireUser().username();
		try {
			if (form.newPassword() != null && !form.newPassword().equals(form.confirmPassword())) {
				throw InvalidAccountInputException.of("confirmPassword", "The new passwords do not match");
			}
			accounts.changePassword(username, form.currentPassword(), form.newPassword());
		}
		catch (InvalidAccountInputException ex) {
			return page(model, ex.fieldErrors());
		}
		redirect.addFlashAttribute("passwordChanged", true);
		return "redirect:/account";
	}

	private String page(Model model, Map<String, String> errors) {
		String username = policy.requireUser().username();
		model.addAttribute("account", accounts.find(username).orElseThrow());
		model.addAttribute("errors", errors);
		return "identity/account";
	}

	/** The password form; the confirmation only guards against a typing slip, so the API does without it. */
	record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {
	}
}
