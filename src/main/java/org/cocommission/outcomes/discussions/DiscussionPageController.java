package org.cocommission.outcomes.discussions;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.outcomes.Discussion;
import org.cocommission.outcomes.DiscussionReply;
import org.cocommission.outcomes.DiscussionStart;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.platform.PageOf;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
	String list(@RequestParam(required = false) String indicator, @RequestParam(required = false) String org,
			@RequestParam(defaultValue = "0") int page, Model model) {
		PageOf<Discussion> threads = discussions.list(indicator, org, Math.max(0, page), PAGE_SIZE);
		model.addAttribute("threads", threads);
		model.addAttribute("indicators", indicators.all());
		model.addAttribute("indicator", indicator);
		model.addAttribute("org", org);
		model.addAttribute("filtered", (indicator != null && !indicator.isBlank()) || (org != null && !org.isBlank()));
		model.addAttribute("previousHref", threads.hasPrevious() ? pageHref(threads.page() - 1) : null);
		model.addAttribute("nextHref", threads.hasNext() ? pageHref(threads.page() + 1) : null);
		return "outcomes/discussions";
	}

	@GetMapping("/outcomes/discussions/new")
	String newDiscussion(@RequestParam(required = false) String org, @RequestParam(required = false) String indicator,
			@RequestParam(required = false) String period, @RequestParam(required = false) String peer,
			@RequestParam(required = false) String chart, Model model) {
		String orgCode = org != null && !org.isBlank() ? org.trim().toUpperCase() : ownOrganisation();
		return form(new DiscussionStart(orgCode, indicator, period, peer, null, null, true,
				chart == null ? "deciles" : chart), Map.of(), model);
	}

	@PostMapping("/outcomes/discussions")
	String start(@ModelAttribute DiscussionStart request, Model model) {
		try {
			return "redirect:/outcomes/discussions/" + discussions.start(request).id();
		}
		catch (DiscussionInputException ex) {
			return form(request, ex.fieldErrors(), model);
		}
	}

	@GetMapping("/outcomes/discussions/{id}")
	String thread(@PathVariable long id, Model model) {
		return thread(id, new DiscussionReply(null, true, null, null), Map.of(), model);
	}

	@PostMapping("/outcomes/discussions/{id}/comments")
	String comment(@PathVariable long id, @ModelAttribute DiscussionReply request, Model model) {
		try {
			return "redirect:/outcomes/discussions/" + id + "#comment-" + discussions.comment(id, request).id();
		}
		catch (DiscussionInputException ex) {
			return thread(id, request, ex.fieldErrors(), model);
		}
	}

	@GetMapping("/outcomes/discussions/{id}/comments/{commentId}/edit")
	String editForm(@PathVariable long id, @PathVariable long commentId, Model model) {
		DiscussionComment comment = changes.forEditing(id, commentId);
		return editForm(id, comment, comment.text(), comment.version(), Map.of(), model);
	}

	@PostMapping("/outcomes/discussions/{id}/comments/{commentId}")
	String edit(@PathVariable long id, @PathVariable long commentId, @RequestParam(required = false) String text,
			@RequestParam int version, Model model, HttpServletResponse response) {
		try {
			changes.edit(id, commentId, text, version);
			return "redirect:/outcomes/discussions/" + id + "#comment-" + commentId;
		}
		catch (DiscussionInputException ex) {
			return editForm(id, changes.forEditing(id, commentId), text, version, ex.fieldErrors(), model);
		}
		catch (OptimisticLockingFailureException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			DiscussionComment current = changes.forEditing(id, commentId);
			return editForm(id, current, current.text(), current.version(), Map.of("text", "This comment was changed"
					+ " or published since you opened it. Its text now is below: make your change again and save."), model);
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
			return thread(id, new DiscussionReply(null, true, null, null), Map.of("comment-" + commentId, "This comment"
					+ " was changed or published since you opened the page. It is shown as it is now: check it and"
					+ " publish it again if you still want to."), model);
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

	private String thread(long id, DiscussionReply form, Map<String, String> errors, Model model) {
		DiscussionView view = discussions.get(id);
		model.addAttribute("view", view);
		model.addAttribute("thread", view.discussion());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("periods", values.periods(view.discussion().indicatorId()));
		model.addAttribute("charts", chartsFor(view.discussion().isPractice()));
		return "outcomes/discussion";
	}

	private String editForm(long id, DiscussionComment comment, String text, int version, Map<String, String> errors,
			Model model) {
		model.addAttribute("thread", discussions.get(id).discussion());
		model.addAttribute("comment", comment);
		model.addAttribute("text", text);
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		return "outcomes/discussion-comment";
	}

	private String form(DiscussionStart form, Map<String, String> errors, Model model) {
		access.requireUser();
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("indicators", indicators.all());
		model.addAttribute("peers", discussions.peerChoices(form.orgCode()));
		boolean known = form.indicatorId() != null && indicators.find(form.indicatorId()).isPresent();
		model.addAttribute("periods", known ? values.periods(form.indicatorId()) : List.of());
		model.addAttribute("charts", DiscussionChartKind.values());
		return "outcomes/discussion-new";
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
