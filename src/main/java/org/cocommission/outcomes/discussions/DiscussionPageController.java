package org.cocommission.outcomes.discussions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.outcomes.Discussion;
import org.cocommission.outcomes.DiscussionReply;
import org.cocommission.outcomes.DiscussionStart;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.PageOf;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The discussion pages: the threads you can see, starting one, a thread with its comments and charts, editing your
 * comment and publishing a draft.
 */
@Controller
class DiscussionPageController {

	private static final int PAGE_SIZE = 20;

	private final Discussions discussions;

	private final Indicators indicators;

	private final OutcomesValues values;

	private final AccessPolicy access;

	private final DiscussionCommentChanges changes;

	DiscussionPageController(Discussions discussions, Indicators indicators, OutcomesValues values, AccessPolicy access,
			DiscussionCommentChanges changes) {
		this.discussions = discussions;
		this.indicators = indicators;
		this.values = values;
		this.access = access;
		this.changes = changes;
	}

	@GetMapping("/outcomes/discussions")
	String list(DiscussionQuery query, @RequestParam(defaultValue = "0") int page, Model model) {
		PageOf<Discussion> threads = discussions.list(query.indicator(), query.org(), Math.max(0, page), PAGE_SIZE);
		model.addAttribute("threads", threads);
		model.addAttribute("indicators", indicators.all());
		model.addAttribute("indicator", query.indicator());
		model.addAttribute("org", query.org());
		model.addAttribute("filtered", query.filtered());
		model.addAttribute("previousHref", threads.hasPrevious() ? pageHref(threads.page() - 1) : null);
		model.addAttribute("nextHref", threads.hasNext() ? pageHref(threads.page() + 1) : null);
		return "outcomes/discussions";
	}

	@GetMapping("/outcomes/discussions/new")
	String newDiscussion(DiscussionQuery query, Model model) {
		String orgCode = query.org() != null ? query.org().trim().toUpperCase() : ownOrganisation();
		model.addAttribute("form", new DiscussionStart(orgCode, query.indicator(), query.period(), query.peer(), null,
				null, true, query.chart() == null ? "deciles" : query.chart()));
		return form(model);
	}

	@PostMapping("/outcomes/discussions")
	String start(@Valid @ModelAttribute("form") DiscussionStart form, BindingResult result, Model model) {
		if (result.hasErrors()) {
			showAgain(model, result, form != null ? form
					: new DiscussionStart(sent(result, "orgCode"), sent(result, "indicatorId"), sent(result, "period"),
							sent(result, "peerCode"), sent(result, "title"), sent(result, "text"), null,
							sent(result, "chart")));
			return form(model);
		}
		try {
			return "redirect:/outcomes/discussions/" + discussions.start(form).id();
		}
		catch (InvalidInputException ex) {
			ex.rejectIn(result);
			return form(model);
		}
	}

	@GetMapping("/outcomes/discussions/{id}")
	String thread(@PathVariable long id, Model model) {
		model.addAttribute("form", new DiscussionReply(null, true, null, null));
		return showThread(id, model);
	}

	@PostMapping("/outcomes/discussions/{id}/comments")
	String comment(@PathVariable long id, @Valid @ModelAttribute("form") DiscussionReply form, BindingResult result,
			Model model) {
		if (result.hasErrors()) {
			showAgain(model, result, form != null ? form
					: new DiscussionReply(sent(result, "text"), null, sent(result, "chart"), sent(result, "period")));
			return showThread(id, model);
		}
		try {
			return "redirect:/outcomes/discussions/" + id + "#comment-" + discussions.comment(id, form).id();
		}
		catch (InvalidInputException ex) {
			ex.rejectIn(result);
			return showThread(id, model);
		}
	}

	@GetMapping("/outcomes/discussions/{id}/comments/{commentId}/edit")
	String editForm(@PathVariable long id, @PathVariable long commentId, Model model) {
		DiscussionComment comment = changes.forEditing(id, commentId);
		model.addAttribute("form", new CommentEdit(comment.text(), comment.version()));
		return editForm(id, comment, model);
	}

	@PostMapping("/outcomes/discussions/{id}/comments/{commentId}")
	String edit(@PathVariable long id, @PathVariable long commentId, @Valid @ModelAttribute("form") CommentEdit form,
			BindingResult result, Model model, HttpServletResponse response) {
		if (result.hasErrors()) {
			DiscussionComment comment = changes.forEditing(id, commentId);
			showAgain(model, result, form != null ? form : new CommentEdit(sent(result, "text"), comment.version()));
			return editForm(id, comment, model);
		}
		try {
			changes.edit(id, commentId, form.text(), form.version());
			return "redirect:/outcomes/discussions/" + id + "#comment-" + commentId;
		}
		catch (InvalidInputException ex) {
			ex.rejectIn(result);
			return editForm(id, changes.forEditing(id, commentId), model);
		}
		catch (OptimisticLockingFailureException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			DiscussionComment current = changes.forEditing(id, commentId);
			// The form shows the text as it is now, not the text sent, so it gets a result of its own.
			CommentEdit now = new CommentEdit(current.text(), current.version());
			BindingResult stale = new DirectFieldBindingResult(now, "form");
			stale.rejectValue("text", "changed", "This comment was changed or published since you opened it. Its text"
					+ " now is below: make your change again and save.");
			model.addAttribute("form", now);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", stale);
			return editForm(id, current, model);
		}
	}

	@PostMapping("/outcomes/discussions/{id}/comments/{commentId}/publish")
	String publish(@PathVariable long id, @PathVariable long commentId, @RequestParam int version, Model model,
			HttpServletResponse response) {
		try {
			changes.publish(id, commentId, version);
			return "redirect:/outcomes/discussions/" + id + "#comment-" + commentId;
		}
		catch (OptimisticLockingFailureException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("form", new DiscussionReply(null, true, null, null));
			model.addAttribute("staleComment", commentId);
			return showThread(id, model);
		}
	}

	@PostMapping("/outcomes/discussions/{id}/close")
	String close(@PathVariable long id, @RequestParam int version) {
		discussions.close(id, version);
		return "redirect:/outcomes/discussions/" + id;
	}

	@PostMapping("/outcomes/discussions/{id}/reopen")
	String reopen(@PathVariable long id, @RequestParam int version) {
		discussions.reopen(id, version);
		return "redirect:/outcomes/discussions/" + id;
	}

	private String showThread(long id, Model model) {
		DiscussionView view = discussions.get(id);
		model.addAttribute("view", view);
		model.addAttribute("thread", view.discussion());
		model.addAttribute("periods", values.periods(view.discussion().indicatorId()));
		model.addAttribute("charts", chartsFor(view.discussion().isPractice()));
		return "outcomes/discussion";
	}

	private String editForm(long id, DiscussionComment comment, Model model) {
		model.addAttribute("thread", discussions.get(id).discussion());
		model.addAttribute("comment", comment);
		return "outcomes/discussion-comment";
	}

	private String form(Model model) {
		access.requireUser();
		DiscussionStart form = (DiscussionStart) model.getAttribute("form");
		model.addAttribute("indicators", indicatorChoices());
		List<OutcomesValues.OrgRef> peers = discussions.peerChoices(form.orgCode());
		model.addAttribute("peers", peers);
		model.addAttribute("peerChoices", peerChoices(form, peers));
		boolean known = form.indicatorId() != null && indicators.find(form.indicatorId()).isPresent();
		List<String> periods = known ? values.periods(form.indicatorId()) : List.of();
		model.addAttribute("periods", periods);
		Map<String, String> periodChoices = new LinkedHashMap<>();
		periodChoices.put("", "Any period");
		periods.forEach(period -> periodChoices.put(period, period));
		model.addAttribute("periodChoices", periodChoices);
		model.addAttribute("charts", DiscussionChartKind.values());
		return "outcomes/discussion-new";
	}

	private Map<String, String> indicatorChoices() {
		Map<String, String> choices = new LinkedHashMap<>();
		choices.put("", "Choose an indicator");
		indicators.all().forEach(indicator -> choices.put(indicator.id(), indicator.name() + " (" + indicator.id() + ")"));
		return choices;
	}

	/** The organisation's peers, and a peer code sent that is not one of them, so that the page shows what was sent. */
	private static Map<String, String> peerChoices(DiscussionStart form, List<OutcomesValues.OrgRef> peers) {
		Map<String, String> choices = new LinkedHashMap<>();
		choices.put("", "No particular peer");
		peers.forEach(peer -> choices.put(peer.code(), peer.name() + " (" + peer.code() + ")"));
		if (form.peerCode() != null && !form.peerCode().isBlank()) {
			choices.putIfAbsent(form.peerCode(), form.peerCode());
		}
		return choices;
	}

	/**
	 * Shows a form again whose record could not be built (a value of the wrong type): the page reads the record
	 * rebuilt from what was sent, the fields their values and errors from the binding result, kept beside it.
	 */
	private static void showAgain(Model model, BindingResult result, Object form) {
		model.addAttribute("form", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
	}

	/**
	 * A field as sent, for showing a form again whose record could not be built (a value of the wrong type): the
	 * binding result keeps what was sent.
	 */
	private static String sent(BindingResult result, String field) {
		Object value = result.getFieldValue(field);
		return value == null ? null : value.toString();
	}

	private String ownOrganisation() {
		CurrentUser user = access.requireUser();
		return user.role() == Role.CCG || user.role() == Role.PRACTICE ? user.organisationCode() : null;
	}

	private static List<DiscussionChartKind> chartsFor(boolean practice) {
		return practice ? List.of(DiscussionChartKind.DECILES, DiscussionChartKind.FUNNEL)
				: List.of(DiscussionChartKind.values());
	}

	private static String pageHref(int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
	}
}
