package org.cocommission.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
		model.addAttribute("form", new NewUser(null, null, null, null, null, null));
		return form(model);
	}

	@PostMapping("/users")
	String create(@Valid @ModelAttribute("form") NewUser form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model);
		}
		try {
			accounts.create(form);
		}
		catch (InvalidAccountInputException ex) {
			ex.fieldErrors().forEach((field, message) -> result.rejectValue(field, "invalid", message));
			return form(model);
		}
		catch (UsernameTakenException ex) {
			result.rejectValue("username", "taken", ex.getMessage());
			return form(model);
		}
		redirect.addFlashAttribute("message", "Account " + form.username().trim() + " opened");
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

	private String form(Model model) {
		Map<String, String> roles = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			roles.put(role.name(), role.label());
		}
		model.addAttribute("roles", roles);
		return "identity/user-new";
	}
}
