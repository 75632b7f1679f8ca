package org.cocommission.identity;

import java.util.Arrays;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** NHS England's pages for opening, finding, disabling and enabling accounts (national only, by URL rule). */
@Controller
class UserAdministrationController {

	static final int PAGE_SIZE = 25;

	private final UserAccounts accounts;

	UserAdministrationController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/users")
	String list(@RequestParam(required = false) String organisation, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("users", accounts.list(organisation, q, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("organisation", organisation);
		model.addAttribute("q", q);
		return "identity/users";
	}

	@GetMapping("/users/new")
	String newUser(Model model) {
		return form(model, new NewUser(null, null, null, null, null, null), Map.of());
	}

	@PostMapping("/users")
	String create(NewUserForm form, Model model, RedirectAttributes redirect) {
		NewUser user = form.toNewUser();
		try {
			accounts.create(user);
		}
		catch (InvalidAccountInputException ex) {
			return form(model, user, ex.fieldErrors());
		}
		catch (UsernameTakenException ex) {
			return form(model, user, Map.of("username", ex.getMessage()));
		}
		redirect.addFlashAttribute("message", "Account " + user.username().trim() + " opened");
		return "redirect:/users";
	}

	@PostMapping("/users/{username}/disable")
	String disable(@PathVariable String username, RedirectAttributes redirect) {
		return setEnabled(username, false, redirect);
	}

	@PostMapping("/users/{username}/enable")
	String enable(@PathVariable String username, RedirectAttributes redirect) {
		return setEnabled(username, true, redirect);
	}

	private String setEnabled(String username, boolean enabled, RedirectAttributes redirect) {
		try {
			accounts.setEnabled(username, enabled);
			redirect.addFlashAttribute("message", "Account " + username + (enabled ? " enabled" : " disabled"));
		}
		catch (InvalidAccountInputException ex) {
			redirect.addFlashAttribute("problem", ex.fieldErrors().values().iterator().next());
		}
		return "redirect:/users";
	}

	private String form(Model model, NewUser user, Map<String, String> errors) {
		model.addAttribute("user", user.withoutPassword());
		model.addAttribute("roles", Role.values());
		model.addAttribute("errors", errors);
		return "identity/user-new";
	}

	/** The form as posted: every field text, so that a wrong role is reported as a field error, not a binding failure. */
	record NewUserForm(String username, String displayName, String email, String role, String organisationCode,
			String password) {

		NewUser toNewUser() {
			Role chosen = Arrays.stream(Role.values()).filter(value -> value.name().equals(role)).findFirst().orElse(null);
			return new NewUser(username, displayName, email, chosen, organisationCode, password);
		}
	}
}
