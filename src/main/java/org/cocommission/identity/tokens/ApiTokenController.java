package org.cocommission.identity.tokens;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.cocommission.identity.InvalidAccountInputException;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's API tokens: list, make (the secret shown once, on the answer to the form, never stored in the
 * session) and revoke behind a confirmation page.
 */
@Controller
class ApiTokenController {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final ApiTokens tokens;

	private final java.time.Clock clock;

	ApiTokenController(ApiTokens tokens, java.time.Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping("/account/tokens")
	String list(Model model) {
		model.addAttribute("form", new NewApiToken(null, ApiTokenScope.READ, null));
		return page(model);
	}

	@PostMapping("/account/tokens")
	String create(@Valid @ModelAttribute("form") NewApiToken form, BindingResult result, Model model,
			HttpServletResponse response) {
		if (result.hasErrors()) {
			return page(model);
		}
		ApiToken.Created created;
		try {
			created = tokens.create(form);
		}
		catch (InvalidAccountInputException ex) {
			ex.rejectIn(result);
			return page(model);
		}
		// The secret is on this answer only: no cache may keep it.
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		model.addAttribute("created", created);
		model.addAttribute("zone", LONDON);
		return "identity/api-token-created";
	}

	@GetMapping("/account/tokens/{id}/revoke")
	String confirmRevoke(@PathVariable long id, Model model) {
		model.addAttribute("token", tokens.mine(id).orElseThrow(() -> new NoSuchElementException("No such token")));
		model.addAttribute("zone", LONDON);
		return "identity/api-token-revoke";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("revoked", tokens.revoke(id).name());
		return "redirect:/account/tokens";
	}

	private String page(Model model) {
		Map<String, String> scopes = new LinkedHashMap<>();
		Arrays.stream(ApiTokenScope.values()).forEach(scope -> scopes.put(scope.name(), scope.label()));
		model.addAttribute("scopes", scopes);
		model.addAttribute("tokens", tokens.mine());
		model.addAttribute("now", clock.instant());
		model.addAttribute("zone", LONDON);
		model.addAttribute("defaultDays", ApiTokens.DEFAULT_LIFETIME.toDays());
		return "identity/api-tokens";
	}
}
