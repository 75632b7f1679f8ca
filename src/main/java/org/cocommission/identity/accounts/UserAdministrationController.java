package org.cocommission.identity.accounts;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.cocommission.identity.InvalidAccountInputException;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UsernameTakenException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
	String list(@ModelAttribute("filter") UserFilter filter, Model model) {
		model.addAttribute("users", accounts.list(filter.organisation(), filter.q(), filter.pageOrFirst(), PAGE_SIZE));
		return "identity/users";
	}

	/** The list's filter: part of a username or name, an organisation code, and the page (from 0). */
	record UserFilter(String organisation, String q, Integer page) {

		int pageOrFirst() {
			return page == null ? 0 : Math.max(page, 0);
		}
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
			ex.rejectIn(result);
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
