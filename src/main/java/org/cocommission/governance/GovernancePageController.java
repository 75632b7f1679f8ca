package org.cocommission.governance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.cocommission.governance.GovernanceRequests.Attendance;
import org.cocommission.governance.GovernanceRequests.CastVote;
import org.cocommission.governance.GovernanceRequests.CommitteeMember;
import org.cocommission.governance.GovernanceRequests.NewCommittee;
import org.cocommission.governance.GovernanceRequests.ItemDeclaration;
import org.cocommission.governance.GovernanceRequests.NewDeclaration;
import org.cocommission.governance.GovernanceRequests.NewItem;
import org.cocommission.governance.GovernanceRequests.NewMeeting;
import org.cocommission.governance.GovernanceRequests.Outcome;
import org.cocommission.governance.GovernanceRequests.SensitiveMarking;
import org.cocommission.governance.GovernanceViews.MeetingView;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.Money;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Governance pages for signed-in users; a rejected change comes back to the page with its message, nothing saved. */
@Controller
class GovernancePageController {

	private final Governance governance;

	private final AccessPolicy policy;

	GovernancePageController(Governance governance, AccessPolicy policy) {
		this.governance = governance;
		this.policy = policy;
	}

	@GetMapping("/governance")
	String home(@RequestParam(required = false) String ccg, Model model) {
		CurrentUser user = policy.requireUser();
		if (ccg != null && !ccg.isBlank()) {
			return "redirect:/governance/ccgs/" + ccg.trim().toUpperCase();
		}
		if (user.role() == Role.CCG) {
			return "redirect:/governance/ccgs/" + user.organisationCode();
		}
		model.addAttribute("national", user.isNational());
		model.addAttribute("compliance", user.isNational() ? governance.compliance(null) : List.of());
		return "governance/home";
	}

	@GetMapping("/governance/ccgs/{ccg}")
	String ccg(@PathVariable String ccg, Model model) {
		String code = ccg.toUpperCase();
		model.addAttribute("ccg", code);
		model.addAttribute("people", governance.people(code));
		model.addAttribute("committees", governance.committees(code));
		model.addAttribute("meetings", governance.meetings(code));
		model.addAttribute("compliance", governance.compliance(code).get(0));
		model.addAttribute("lead", governance.isLead(code));
		model.addAttribute("roles", MemberRole.values());
		model.addAttribute("relationships", LinkRelationship.values());
		noErrorsYet(model);
		return "governance/ccg";
	}

	@PostMapping("/governance/ccgs/{ccg}/people")
	String addPerson(@PathVariable String ccg, @RequestParam(required = false) String name,
			@RequestParam(required = false) MemberRole role, @RequestParam(required = false) String title,
			@RequestParam(required = false) String username, @RequestParam(required = false) String joinedOn,
			RedirectAttributes redirect) {
		FormFields fields = new FormFields("person-name", "account", "person-username", "date joined", "person-joined",
				"role", "person-role");
		return attempt(redirect, "/governance/ccgs/" + ccg.toUpperCase(), fields, () -> governance.addPerson(ccg.toUpperCase(),
				new GovernanceRequests.NewPerson(name, role, null, title, username, date(joinedOn, "date joined"))));
	}

	@PostMapping("/governance/ccgs/{ccg}/links")
	String addLink(@PathVariable String ccg, @RequestParam("person") long personId,
			@RequestParam(required = false) LinkRelationship relationship,
			@RequestParam(required = false) String organisationCode, @RequestParam(required = false) String bodyName,
			@RequestParam(required = false) String relative, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, RedirectAttributes redirect) {
		FormFields fields = new FormFields("link-person", "relationship", "link-relationship", "end date", "link-to",
				"cannot end", "link-to", "start date", "link-from", "code", "link-code", "organisation", "link-code");
		return attempt(redirect, "/governance/ccgs/" + ccg.toUpperCase(), fields, () -> governance.addLink(ccg.toUpperCase(), personId,
				new GovernanceRequests.NewLink(relationship, organisationCode, bodyName, relative, date(from, "start date"),
						date(to, "end date"))));
	}

	@PostMapping("/governance/ccgs/{ccg}/gifts")
	String recordGift(@PathVariable String ccg, @RequestParam("person") long personId,
			@RequestParam(required = false) GiftsAndHospitalityThresholds.GiftKind kind,
			@RequestParam(defaultValue = "false") boolean fromSupplier, @RequestParam(required = false) String offeredBy,
			@RequestParam(required = false) String description, @RequestParam(required = false) String value,
			@RequestParam(required = false) String offeredOn, @RequestParam(defaultValue = "false") boolean accepted,
			@RequestParam(defaultValue = "false") boolean seniorApproval, RedirectAttributes redirect) {
		FormFields fields = new FormFields("gift-person", "date offered", "gift-date", "value", "gift-value")
			.require("gift-by", offeredBy, "Enter who offered it")
			.require("gift-description", description, "Describe what was offered")
			.require("gift-value", value, "Enter its value in pounds, like 25.00")
			.require("gift-date", offeredOn, "Enter the date it was offered");
		return attempt(redirect, "/governance/ccgs/" + ccg.toUpperCase() + "/gifts", fields,
				() -> governance.recordGift(ccg.toUpperCase(), personId, new GovernanceRequests.NewGift(kind, fromSupplier,
						offeredBy, description, pounds(value), date(offeredOn, "date offered"), accepted, seniorApproval)));
	}

	@GetMapping("/governance/ccgs/{ccg}/register")
	String register(@PathVariable String ccg, Model model) {
		String code = ccg.toUpperCase();
		model.addAttribute("ccg", code);
		model.addAttribute("register", governance.register(code));
		model.addAttribute("lead", governance.isLead(code));
		model.addAttribute("guardian", governance.isGuardian(code));
		model.addAttribute("categories", InterestCategory.values());
		noErrorsYet(model);
		return "governance/register";
	}

	@PostMapping("/governance/ccgs/{ccg}/declarations")
	String declare(@PathVariable String ccg, @RequestParam("person") long id, @RequestParam(required = false) InterestCategory category,
			@RequestParam(required = false) String description, @RequestParam(required = false) String organisationCode,
			@RequestParam(required = false) String bodyName, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String actionTaken,
			RedirectAttributes redirect) {
		FormFields fields = new FormFields("person", "category", "category", "describe", "description", "end date", "to",
				"cannot end", "to", "start date", "from", "code", "organisationCode", "organisation", "organisationCode");
		return attempt(redirect, "/governance/ccgs/" + ccg.toUpperCase() + "/register", fields,
				() -> governance.declare(ccg.toUpperCase(), id, new NewDeclaration(category, description, organisationCode,
						bodyName, date(from, "start date"), date(to, "end date"), actionTaken)));
	}

	@PostMapping("/governance/ccgs/{ccg}/people/{id}/nil-return")
	String nilReturn(@PathVariable String ccg, @PathVariable long id, RedirectAttributes redirect) {
		return attempt(redirect, "/governance/ccgs/" + ccg.toUpperCase() + "/register", new FormFields("due"),
				() -> governance.nilReturn(ccg.toUpperCase(), id));
	}

	@PostMapping("/governance/ccgs/{ccg}/declarations/{id}/sensitivity")
	String sensitivity(@PathVariable String ccg, @PathVariable long id, @RequestParam boolean sensitive,
			@RequestParam(required = false) String reason, @RequestParam int version, RedirectAttributes redirect) {
		return attempt(redirect, "/governance/ccgs/" + ccg.toUpperCase() + "/register", new FormFields("reason-" + id),
				() -> governance.markSensitive(ccg.toUpperCase(), id, new SensitiveMarking(sensitive, reason, version)));
	}

	@GetMapping("/governance/ccgs/{ccg}/gifts")
	String gifts(@PathVariable String ccg, Model model) {
		String code = ccg.toUpperCase();
		model.addAttribute("ccg", code);
		model.addAttribute("gifts", governance.gifts(code));
		model.addAttribute("thresholds", governance.thresholds());
		model.addAttribute("people", governance.people(code));
		model.addAttribute("lead", governance.isLead(code));
		noErrorsYet(model);
		return "governance/gifts";
	}

	@GetMapping("/governance/ccgs/{ccg}/committees/new")
	String newCommittee(@PathVariable String ccg, @ModelAttribute("form") CommitteeForm form, Model model) {
		String code = ccg.toUpperCase();
		model.addAttribute("ccg", code);
		model.addAttribute("people", governance.people(code));
		model.addAttribute("kinds", CommitteeKind.values());
		noErrorsYet(model);
		return "governance/committee-new";
	}

	/** The terms of reference as typed: members ticked (each with their own vote), chair, vice-chair, quorum. */
	record CommitteeForm(String name, CommitteeKind kind, List<Long> members, Long chairId, Long viceChairId,
			String minVotingPresent, String minLay, String minGp, String minExecutive) {
	}

	@PostMapping("/governance/ccgs/{ccg}/committees")
	String createCommittee(@PathVariable String ccg, @ModelAttribute("form") CommitteeForm form, Model model,
			RedirectAttributes redirect) {
		String code = ccg.toUpperCase();
		FormFields fields = new FormFields("committee-name", "kind", "committee-kind", "vice-chair", "viceChairId",
				"chair", "chairId", "fewest", "minVotingPresent", "exceed", "minVotingPresent", "lay members", "minLay",
				"gp members", "minGp", "executives", "minExecutive", "member", "members")
			.require("committee-name", form.name(), "Enter the committee's name");
		if (fields.hasErrors()) {
			model.addAttribute("errors", fields.errors());
			return newCommittee(ccg, form, model);
		}
		try {
			List<CommitteeMember> members = form.members() == null ? List.of()
					: form.members().stream().map(id -> new CommitteeMember(id, null)).toList();
			governance.createCommittee(code, new NewCommittee(form.name(), form.kind(),
					count(form.minVotingPresent(), "fewest voting members present"), count(form.minLay(), "lay members"),
					count(form.minGp(), "GP members"), count(form.minExecutive(), "executives"), null, null, form.chairId(),
					form.viceChairId(), members));
			redirect.addFlashAttribute("saved", true);
			return "redirect:/governance/ccgs/" + code + "#committees";
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("errors", fields.refused(ex));
			return newCommittee(ccg, form, model);
		}
	}

	private static int count(String text, String what) {
		try {
			return Integer.parseInt(text == null ? "" : text.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Enter the quorum's " + what + " as a whole number, like 1");
		}
	}

	@GetMapping("/governance/ccgs/{ccg}/meetings/new")
	String newMeeting(@PathVariable String ccg, @RequestParam(required = false) String practiceQuery,
			@ModelAttribute("form") MeetingForm form, Model model) {
		String code = ccg.toUpperCase();
		model.addAttribute("ccg", code);
		model.addAttribute("committees", governance.committees(code));
		model.addAttribute("practiceQuery", practiceQuery);
		model.addAttribute("practices", practiceQuery == null || practiceQuery.isBlank() ? List.of()
				: governance.searchPractices(practiceQuery));
		noErrorsYet(model);
		return "governance/meeting-new";
	}

	/** The new-meeting form: one agenda item to start with; more are added on the meeting page. */
	record MeetingForm(Long committeeId, String heldOn, String title, String itemTitle, ItemKind itemKind,
			Boolean procurement, String practiceCodes, String providerName) {
	}

	@PostMapping("/governance/ccgs/{ccg}/meetings")
	String createMeeting(@PathVariable String ccg, @ModelAttribute("form") MeetingForm form, Model model) {
		String code = ccg.toUpperCase();
		FormFields fields = new FormFields("committeeId", "committee", "committeeId", "meeting date", "heldOn", "code",
				"practiceCodes", "gp practice", "practiceCodes", "agenda item", "itemTitle")
			.require("heldOn", form.heldOn(), "Enter the meeting date")
			.require("title", form.title(), "Enter the meeting title");
		if (form.committeeId() == null) {
			fields.require("committeeId", null, "Choose the committee");
		}
		if (fields.hasErrors()) {
			model.addAttribute("errors", fields.errors());
			return newMeeting(ccg, null, form, model);
		}
		try {
			List<NewItem> items = new ArrayList<>();
			if (form.itemTitle() != null && !form.itemTitle().isBlank()) {
				items.add(new NewItem(form.itemTitle(), form.itemKind(), form.procurement(),
						affected(form.practiceCodes(), form.providerName())));
			}
			long id = governance.createMeeting(code,
					new NewMeeting(form.committeeId(), date(form.heldOn(), "meeting date"), form.title(), items));
			return "redirect:/governance/meetings/" + id;
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("errors", fields.refused(ex));
			return newMeeting(ccg, null, form, model);
		}
	}

	@GetMapping("/governance/meetings/{id}")
	String meeting(@PathVariable long id, Model model) {
		MeetingView meeting = governance.meeting(id);
		model.addAttribute("meeting", meeting);
		model.addAttribute("lead", governance.isLead(meeting.ccgCode()));
		model.addAttribute("today", governance.today());
		noErrorsYet(model);
		return "governance/meeting";
	}

	@GetMapping("/governance/meetings/{id}/minutes")
	String minutes(@PathVariable long id, Model model) {
		model.addAttribute("meeting", governance.meeting(id));
		model.addAttribute("published", false);
		return "governance/minutes";
	}

	@PostMapping("/governance/meetings/{id}/items")
	String addItem(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) ItemKind kind, @RequestParam(defaultValue = "false") boolean procurement,
			@RequestParam(required = false) String practiceCodes, @RequestParam(required = false) String providerName,
			RedirectAttributes redirect) {
		FormFields fields = new FormFields("item-title", "code", "item-practices", "gp practice", "item-practices",
				"organisation", "item-provider").require("item-title", title, "Enter the item's title");
		return attempt(redirect, "/governance/meetings/" + id, fields,
				() -> governance.addItem(id, new NewItem(title, kind, procurement, affected(practiceCodes, providerName))));
	}

	@PostMapping("/governance/meetings/{id}/attendance")
	String attendance(@PathVariable long id, @RequestParam(required = false) List<Long> present,
			RedirectAttributes redirect) {
		return attempt(redirect, "/governance/meetings/" + id, new FormFields("attendance"),
				() -> governance.recordAttendance(id, new Attendance(present == null ? List.of() : present)));
	}

	@PostMapping("/governance/meetings/{meeting}/items/{id}/declarations")
	String declaration(@PathVariable long meeting, @PathVariable long id, @RequestParam long personId,
			@RequestParam(required = false) String interest, @RequestParam(required = false) Handling handling,
			RedirectAttributes redirect) {
		FormFields fields = new FormFields("decl-interest-" + id, "describe", "decl-interest-" + id, "require",
				"decl-handling-" + id, "member of", "decl-person-" + id);
		return attempt(redirect, "/governance/meetings/" + meeting, fields,
				() -> governance.recordDeclaration(id, new ItemDeclaration(personId, interest, handling)));
	}

	@PostMapping("/governance/meetings/{meeting}/items/{id}/votes")
	String vote(@PathVariable long meeting, @PathVariable long id, @RequestParam long personId,
			@RequestParam(required = false) Vote vote, RedirectAttributes redirect) {
		FormFields fields = new FormFields("vote-person-" + id, "choose for", "vote-" + id);
		return attempt(redirect, "/governance/meetings/" + meeting, fields,
				() -> governance.vote(id, new CastVote(personId, vote)));
	}

	@PostMapping("/governance/meetings/{meeting}/items/{id}/outcome")
	String outcome(@PathVariable long meeting, @PathVariable long id, @RequestParam(required = false) ItemStatus outcome,
			@RequestParam(required = false) String decision, @RequestParam(required = false) String referredTo,
			@RequestParam int version, RedirectAttributes redirect) {
		FormFields fields = new FormFields("outcome-" + id, "quorate", "outcome-" + id, "record the decision",
				"decision-" + id, "referred to", "referred-" + id);
		return attempt(redirect, "/governance/meetings/" + meeting, fields,
				() -> governance.recordOutcome(id, new Outcome(outcome, decision, referredTo, version)));
	}

	static List<AffectedOrganisation> affected(String practiceCodes, String providerName) {
		List<AffectedOrganisation> affected = new ArrayList<>();
		if (practiceCodes != null) {
			Arrays.stream(practiceCodes.split("[,\\s]+"))
				.filter(code -> !code.isBlank())
				.forEach(code -> affected.add(new AffectedOrganisation(AffectedOrganisation.Kind.PRACTICE, code, null)));
		}
		if (providerName != null && !providerName.isBlank()) {
			affected.add(new AffectedOrganisation(AffectedOrganisation.Kind.PROVIDER, null, providerName));
		}
		return affected;
	}

	static LocalDate date(String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Enter the " + what + " as a date like 2015-06-10");
		}
	}

	private static Money pounds(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Money.ofPounds(value.trim());
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw new IllegalArgumentException("Enter the value in pounds, like 25.00");
		}
	}

	/** Makes the change unless a field is missing; a refusal comes back as the errors of the fields it is about. */
	private static String attempt(RedirectAttributes redirect, String target, FormFields fields, Runnable change) {
		if (fields.hasErrors()) {
			redirect.addFlashAttribute("errors", fields.errors());
			return "redirect:" + target;
		}
		try {
			change.run();
			redirect.addFlashAttribute("saved", true);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("errors", fields.refused(ex));
		}
		return "redirect:" + target;
	}

	/** Pages with forms show no errors until a post brings some back (as a flash attribute). */
	private static void noErrorsYet(Model model) {
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}
}
