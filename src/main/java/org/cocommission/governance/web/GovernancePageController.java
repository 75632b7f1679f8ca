package org.cocommission.governance.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.validation.Valid;

import org.cocommission.governance.BodyChoice;
import org.cocommission.governance.CommitteeKind;
import org.cocommission.governance.GiftsAndHospitalityThresholds;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests.Attendance;
import org.cocommission.governance.GovernanceRequests.CastVote;
import org.cocommission.governance.GovernanceRequests.ItemDeclaration;
import org.cocommission.governance.GovernanceRequests.Outcome;
import org.cocommission.governance.GovernanceRequests.PossibleConflictDecision;
import org.cocommission.governance.GovernanceRequests.SensitiveMarking;
import org.cocommission.governance.GovernanceViews.ItemView;
import org.cocommission.governance.GovernanceViews.MeetingView;
import org.cocommission.governance.GovernanceViews.PersonView;
import org.cocommission.governance.GovernanceViews;
import org.cocommission.governance.Handling;
import org.cocommission.governance.InterestCategory;
import org.cocommission.governance.ItemKind;
import org.cocommission.governance.LinkRelationship;
import org.cocommission.governance.MemberRole;
import org.cocommission.governance.Vote;
import org.cocommission.governance.web.GovernanceForms.AttendanceForm;
import org.cocommission.governance.web.GovernanceForms.CommitteeForm;
import org.cocommission.governance.web.GovernanceForms.DeclarationForm;
import org.cocommission.governance.web.GovernanceForms.GiftForm;
import org.cocommission.governance.web.GovernanceForms.ItemDeclarationForm;
import org.cocommission.governance.web.GovernanceForms.ItemForm;
import org.cocommission.governance.web.GovernanceForms.LinkForm;
import org.cocommission.governance.web.GovernanceForms.MeetingForm;
import org.cocommission.governance.web.GovernanceForms.NilReturnForm;
import org.cocommission.governance.web.GovernanceForms.OutcomeForm;
import org.cocommission.governance.web.GovernanceForms.PersonForm;
import org.cocommission.governance.web.GovernanceForms.PossibleConflictForm;
import org.cocommission.governance.web.GovernanceForms.SensitivityForm;
import org.cocommission.governance.web.GovernanceForms.VoteForm;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Governance pages for signed-in users. Forms are bound and checked by Spring; a refused change comes back to the page
 * with each message on its field and the values as typed, nothing saved. Forms on a page with others post and redirect
 * back to it, their form and errors carried over as flash attributes.
 */
@Controller
public class GovernancePageController {

	/** The flash attribute naming the agenda item (or declaration) whose form was refused, among the page's many. */
	static final String FAILED = "failed";

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
	String ccg(@PathVariable String ccg, @RequestParam(required = false) String bodyQuery, Model model) {
		String code = ccg.toUpperCase();
		List<PersonView> people = governance.people(code);
		model.addAttribute("ccg", code);
		model.addAttribute("people", people);
		model.addAttribute("committees", governance.committees(code));
		model.addAttribute("meetings", governance.meetings(code));
		model.addAttribute("compliance", governance.compliance(code).get(0));
		model.addAttribute("lead", governance.isLead(code));
		model.addAttribute("roles", options(MemberRole.values(),
				role -> role.label() + (role.votingByDefault() ? "" : " (non-voting)")));
		model.addAttribute("relationships", options(LinkRelationship.values(), LinkRelationship::label));
		model.addAttribute("personOptions", people(people));
		blankUnlessRefused(model, "personForm", PersonForm.blank());
		blankUnlessRefused(model, "linkForm", LinkForm.blank());
		bodySearch(model, BodyChooser.LINK, bodyQuery, "/governance/ccgs/" + code + "#link",
				((LinkForm) model.getAttribute("linkForm")).body());
		return "governance/ccg";
	}

	@PostMapping("/governance/ccgs/{ccg}/people")
	String addPerson(@PathVariable String ccg, @Valid @ModelAttribute("personForm") PersonForm form,
			BindingResult result, RedirectAttributes redirect) {
		String code = ccg.toUpperCase();
		return change(redirect, "/governance/ccgs/" + code, form, result, () -> governance.addPerson(code, form.request()));
	}

	@PostMapping("/governance/ccgs/{ccg}/links")
	String addLink(@PathVariable String ccg, @Valid @ModelAttribute("linkForm") LinkForm form, BindingResult result,
			RedirectAttributes redirect) {
		String code = ccg.toUpperCase();
		return change(redirect, "/governance/ccgs/" + code, form, result,
				() -> governance.addLink(code, form.person(), form.request()));
	}

	@GetMapping("/governance/ccgs/{ccg}/gifts")
	String gifts(@PathVariable String ccg, Model model) {
		String code = ccg.toUpperCase();
		List<PersonView> people = governance.people(code);
		boolean lead = governance.isLead(code);
		String me = policy.requireUser().username();
		model.addAttribute("ccg", code);
		model.addAttribute("gifts", governance.gifts(code));
		model.addAttribute("thresholds", governance.thresholds());
		model.addAttribute("lead", lead);
		model.addAttribute("personOptions",
				people(people.stream().filter(person -> lead || me.equals(person.username())).toList()));
		model.addAttribute("giftKinds", options(GiftsAndHospitalityThresholds.GiftKind.values(),
				kind -> kind == GiftsAndHospitalityThresholds.GiftKind.GIFT ? "Gift" : "Hospitality"));
		blankUnlessRefused(model, "giftForm", GiftForm.blank());
		return "governance/gifts";
	}

	@PostMapping("/governance/ccgs/{ccg}/gifts")
	String recordGift(@PathVariable String ccg, @Valid @ModelAttribute("giftForm") GiftForm form, BindingResult result,
			RedirectAttributes redirect) {
		String code = ccg.toUpperCase();
		return change(redirect, "/governance/ccgs/" + code + "/gifts", form, result,
				() -> governance.recordGift(code, form.person(), form.request()));
	}

	@GetMapping("/governance/ccgs/{ccg}/register")
	String register(@PathVariable String ccg, @RequestParam(required = false) String bodyQuery, Model model) {
		String code = ccg.toUpperCase();
		GovernanceViews.Register register = governance.register(code);
		boolean lead = governance.isLead(code);
		String me = policy.requireUser().username();
		model.addAttribute("ccg", code);
		model.addAttribute("register", register);
		model.addAttribute("lead", lead);
		model.addAttribute("guardian", governance.isGuardian(code));
		model.addAttribute("categories", options(InterestCategory.values(), InterestCategory::label));
		model.addAttribute("personOptions",
				people(register.people().stream().filter(person -> lead || me.equals(person.username())).toList()));
		blankUnlessRefused(model, "declarationForm", DeclarationForm.blank());
		bodySearch(model, BodyChooser.DECLARATION, bodyQuery, "/governance/ccgs/" + code + "/register#declare",
				((DeclarationForm) model.getAttribute("declarationForm")).body());
		blankUnlessRefused(model, "sensitivityForm", SensitivityForm.blank());
		blankUnlessRefused(model, "nilReturnForm", new NilReturnForm(null));
		model.addAttribute("newSensitivity", SensitivityForm.blank());
		return "governance/register";
	}

	@PostMapping("/governance/ccgs/{ccg}/declarations")
	String declare(@PathVariable String ccg, @Valid @ModelAttribute("declarationForm") DeclarationForm form,
			BindingResult result, RedirectAttributes redirect) {
		String code = ccg.toUpperCase();
		return change(redirect, "/governance/ccgs/" + code + "/register", form, result,
				() -> governance.declare(code, form.person(), form.request()));
	}

	@PostMapping("/governance/ccgs/{ccg}/people/{id}/nil-return")
	String nilReturn(@PathVariable String ccg, @PathVariable long id, RedirectAttributes redirect) {
		String code = ccg.toUpperCase();
		NilReturnForm form = new NilReturnForm(id);
		return change(redirect, "/governance/ccgs/" + code + "/register", form,
				new BeanPropertyBindingResult(form, "nilReturnForm"), () -> governance.nilReturn(code, id));
	}

	@PostMapping("/governance/ccgs/{ccg}/declarations/{id}/sensitivity")
	String sensitivity(@PathVariable String ccg, @PathVariable long id,
			@Valid @ModelAttribute("sensitivityForm") SensitivityForm form, BindingResult result,
			RedirectAttributes redirect) {
		String code = ccg.toUpperCase();
		redirect.addFlashAttribute(FAILED, id);
		return change(redirect, "/governance/ccgs/" + code + "/register", form, result, () -> governance
			.markSensitive(code, id, new SensitiveMarking(Boolean.TRUE.equals(form.sensitive()), form.reason(), form.version())));
	}

	@GetMapping("/governance/ccgs/{ccg}/committees/new")
	String newCommittee(@PathVariable String ccg, Model model) {
		blankUnlessRefused(model, "committeeForm", CommitteeForm.blank());
		return committeeForm(ccg.toUpperCase(), model);
	}

	@PostMapping("/governance/ccgs/{ccg}/committees")
	String createCommittee(@PathVariable String ccg, @Valid @ModelAttribute("committeeForm") CommitteeForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		String code = ccg.toUpperCase();
		if (!result.hasErrors() && made(result, () -> governance.createCommittee(code, form.request()))) {
			redirect.addFlashAttribute("saved", true);
			return "redirect:/governance/ccgs/" + code + "#committees";
		}
		return committeeForm(code, model);
	}

	private String committeeForm(String ccg, Model model) {
		List<PersonView> people = governance.people(ccg);
		model.addAttribute("ccg", ccg);
		model.addAttribute("people", people);
		model.addAttribute("kinds", options(CommitteeKind.values(), CommitteeKind::label));
		Map<String, String> members = new LinkedHashMap<>();
		people.forEach(person -> members.put(String.valueOf(person.id()), person.name() + " (" + person.role().label()
				+ (person.voting() ? "" : ", non-voting") + ")"));
		model.addAttribute("members", members);
		Map<String, String> chairs = new LinkedHashMap<>();
		chairs.put("", "Choose");
		people.forEach(person -> chairs.put(String.valueOf(person.id()), person.name() + " (" + person.role().label() + ")"));
		model.addAttribute("chairs", chairs);
		Map<String, String> viceChairs = new LinkedHashMap<>(chairs);
		viceChairs.put("", "None");
		model.addAttribute("viceChairs", viceChairs);
		return "governance/committee-new";
	}

	@GetMapping("/governance/ccgs/{ccg}/meetings/new")
	String newMeeting(@PathVariable String ccg, @RequestParam(required = false) String practiceQuery,
			@RequestParam(required = false) String bodyQuery, Model model) {
		blankUnlessRefused(model, "meetingForm", MeetingForm.blank());
		return meetingForm(ccg.toUpperCase(), practiceQuery, bodyQuery, model);
	}

	@PostMapping("/governance/ccgs/{ccg}/meetings")
	String createMeeting(@PathVariable String ccg, @Valid @ModelAttribute("meetingForm") MeetingForm form,
			BindingResult result, Model model) {
		String code = ccg.toUpperCase();
		long[] id = new long[1];
		if (!result.hasErrors() && made(result, () -> id[0] = governance.createMeeting(code, form.request()),
				Map.of("affected", "practiceCodes", "title", "itemTitle", "kind", "itemKind"))) {
			return "redirect:/governance/meetings/" + id[0];
		}
		return meetingForm(code, null, null, model);
	}

	private String meetingForm(String ccg, String practiceQuery, String bodyQuery, Model model) {
		MeetingForm form = (MeetingForm) model.getAttribute("meetingForm");
		bodySearch(model, BodyChooser.MEETING, bodyQuery, "/governance/ccgs/" + ccg + "/meetings/new",
				form == null ? null : form.provider());
		Map<String, String> committees = new LinkedHashMap<>();
		governance.committees(ccg).forEach(committee -> committees.put(String.valueOf(committee.id()), committee.name()));
		model.addAttribute("ccg", ccg);
		model.addAttribute("committees", committees);
		model.addAttribute("itemKinds", ITEM_KINDS);
		model.addAttribute("practiceQuery", practiceQuery);
		model.addAttribute("practices", practiceQuery == null || practiceQuery.isBlank() ? List.of()
				: governance.searchPractices(ccg, practiceQuery));
		return "governance/meeting-new";
	}

	/**
	 * The practices found, as the meeting form's choices (htmx, in place): searching no longer leaves the meeting form,
	 * so what was typed in it stays.
	 */
	@GetMapping("/governance/ccgs/{ccg}/practices")
	String practices(@PathVariable String ccg, @RequestParam(required = false) String practiceQuery, Model model) {
		String code = ccg.toUpperCase();
		model.addAttribute("practiceQuery", practiceQuery);
		model.addAttribute("practices", practiceQuery == null || practiceQuery.isBlank() ? List.of()
				: governance.searchPractices(code, practiceQuery));
		return "governance/meeting-new :: practiceResults";
	}

	/** The forms that choose a body from the lists: the page's id of each, and the field its choice is bound to. */
	enum BodyChooser {

		MEETING("meeting-form", "provider", "Find the provider or contract it affects"),
		ITEM("item-form", "provider", "Find the provider or contract it affects"),
		DECLARATION("declare-form", "body", "Find the organisation or body"),
		LINK("link-form", "body", "Find the practice, provider or body");

		private final String formId;

		private final String field;

		private final String label;

		BodyChooser(String formId, String field, String label) {
			this.formId = formId;
			this.field = field;
			this.label = label;
		}
	}

	/**
	 * The bodies found for one of the forms (htmx, in place): the directory's organisations and the register's bodies,
	 * each a radio button of that form.
	 */
	@GetMapping("/governance/bodies")
	String bodies(@RequestParam BodyChooser chooser, @RequestParam(required = false) String bodyQuery, Model model) {
		policy.requireUser();
		bodySearch(model, chooser, bodyQuery, null, null);
		return "governance/bodies :: results";
	}

	/** What the body search of a form shows: the bodies found for the query, and the body chosen before if any. */
	private void bodySearch(Model model, BodyChooser chooser, String query, String action, BodyChoice chosen) {
		List<GovernanceViews.BodyFound> found = new java.util.ArrayList<>(
				query == null || query.isBlank() ? List.of() : governance.searchBodies(query));
		if (chosen != null && found.stream().noneMatch(body -> body.choice().equals(chosen))) {
			governance.describeBody(chosen).ifPresent(body -> found.add(0, body));
		}
		model.addAttribute("bodyChooser", chooser.name());
		model.addAttribute("bodyFormId", chooser.formId);
		model.addAttribute("bodyField", chooser.field);
		model.addAttribute("bodyLabel", chooser.label);
		model.addAttribute("bodyQuery", query);
		model.addAttribute("bodies", found);
		model.addAttribute("bodyChosen", chosen == null ? null : chosen.value());
		model.addAttribute("bodySearchAction", action);
	}

	private static final Map<String, String> ITEM_KINDS = options(ItemKind.values(),
			kind -> kind.name().charAt(0) + kind.name().substring(1).toLowerCase());

	@GetMapping("/governance/meetings/{id}")
	String meeting(@PathVariable long id, @RequestParam(required = false) String bodyQuery, Model model) {
		MeetingView meeting = governance.meeting(id);
		model.addAttribute("meeting", meeting);
		model.addAttribute("lead", governance.isLead(meeting.ccgCode()));
		model.addAttribute("today", governance.today());
		// Attendance, votes and outcomes are recorded on or after the meeting's day (docs/domain-rules.md).
		model.addAttribute("held", !governance.today().isBefore(meeting.heldOn()));
		model.addAttribute("itemKinds", ITEM_KINDS);
		Map<String, String> attendees = new LinkedHashMap<>();
		Map<String, String> voters = new LinkedHashMap<>();
		meeting.attendees().forEach(attendee -> {
			attendees.put(String.valueOf(attendee.personId()), attendee.name());
			if (attendee.voting()) {
				voters.put(String.valueOf(attendee.personId()), attendee.name());
			}
		});
		model.addAttribute("attendeeOptions", attendees);
		model.addAttribute("voterOptions", voters);
		model.addAttribute("handlings", options(Handling.values(), Handling::label));
		model.addAttribute("votes", options(Vote.values(),
				vote -> vote == Vote.FOR ? "For" : vote == Vote.AGAINST ? "Against" : "Abstain"));
		Map<Long, Map<String, String>> outcomes = new LinkedHashMap<>();
		meeting.items().forEach(item -> outcomes.put(item.id(), outcomes(item)));
		model.addAttribute("outcomes", outcomes);
		blankUnlessRefused(model, "attendanceForm", AttendanceForm.blank());
		blankUnlessRefused(model, "itemForm", ItemForm.blank());
		bodySearch(model, BodyChooser.ITEM, bodyQuery, "/governance/meetings/" + id + "#add-item",
				((ItemForm) model.getAttribute("itemForm")).provider());
		blankUnlessRefused(model, "itemDeclarationForm", ItemDeclarationForm.blank());
		blankUnlessRefused(model, "voteForm", VoteForm.blank());
		blankUnlessRefused(model, "possibleConflictForm", new PossibleConflictForm(null, null, null, null));
		blankUnlessRefused(model, "outcomeForm", OutcomeForm.blank());
		model.addAttribute("newItemDeclaration", ItemDeclarationForm.blank());
		model.addAttribute("newVote", VoteForm.blank());
		model.addAttribute("newOutcome", OutcomeForm.blank());
		return "governance/meeting";
	}

	/** The outcomes the item may have: a decision item not quorate after exclusions only deferred or referred. */
	private static Map<String, String> outcomes(ItemView item) {
		Map<String, String> outcomes = new LinkedHashMap<>();
		boolean decision = item.kind() == ItemKind.DECISION;
		if (decision && item.quorum().quorate()) {
			outcomes.put("APPROVED", "Approved");
			outcomes.put("REJECTED", "Rejected");
		}
		if (!decision) {
			outcomes.put("NOTED", "Noted");
		}
		outcomes.put("DEFERRED", "Deferred");
		if (decision) {
			outcomes.put("REFERRED", "Referred to another committee");
		}
		return outcomes;
	}

	@GetMapping("/governance/meetings/{id}/minutes")
	String minutes(@PathVariable long id, Model model) {
		model.addAttribute("meeting", governance.meeting(id));
		model.addAttribute("published", false);
		return "governance/minutes";
	}

	@PostMapping("/governance/meetings/{id}/minutes/approval")
	String approveMinutes(@PathVariable long id, RedirectAttributes redirect) {
		try {
			governance.approveMinutes(id);
			redirect.addFlashAttribute("minutesApproved", true);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("minutesRefused", ex.getMessage());
		}
		return "redirect:/governance/meetings/" + id;
	}

	@PostMapping("/governance/meetings/{id}/items")
	String addItem(@PathVariable long id, @Valid @ModelAttribute("itemForm") ItemForm form, BindingResult result,
			RedirectAttributes redirect) {
		return change(redirect, "/governance/meetings/" + id, form, result, () -> governance.addItem(id, form.request()),
				Map.of("affected", "practiceCodes"));
	}

	@PostMapping("/governance/meetings/{id}/attendance")
	String attendance(@PathVariable long id, @Valid @ModelAttribute("attendanceForm") AttendanceForm form,
			BindingResult result, RedirectAttributes redirect) {
		return change(redirect, "/governance/meetings/" + id, form, result, () -> governance.recordAttendance(id,
				new Attendance(form.present() == null ? List.of() : form.present())));
	}

	@PostMapping("/governance/meetings/{meeting}/items/{id}/declarations")
	String declaration(@PathVariable long meeting, @PathVariable long id,
			@Valid @ModelAttribute("itemDeclarationForm") ItemDeclarationForm form, BindingResult result,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute(FAILED, id);
		return change(redirect, "/governance/meetings/" + meeting, form, result, () -> governance.recordDeclaration(id,
				new ItemDeclaration(form.personId(), form.interest(), form.handling())));
	}

	@PostMapping("/governance/meetings/{meeting}/items/{id}/possible-conflicts")
	String possibleConflict(@PathVariable long meeting, @PathVariable long id,
			@Valid @ModelAttribute("possibleConflictForm") PossibleConflictForm form, BindingResult result,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute(FAILED, id);
		return change(redirect, "/governance/meetings/" + meeting, form, result,
				() -> governance.decidePossibleConflict(id, new PossibleConflictDecision(form.personId(),
						form.registered(), form.affected(), form.sameBody())));
	}

	@PostMapping("/governance/meetings/{meeting}/items/{id}/votes")
	String vote(@PathVariable long meeting, @PathVariable long id, @Valid @ModelAttribute("voteForm") VoteForm form,
			BindingResult result, RedirectAttributes redirect) {
		redirect.addFlashAttribute(FAILED, id);
		return change(redirect, "/governance/meetings/" + meeting, form, result,
				() -> governance.vote(id, new CastVote(form.personId(), form.vote())));
	}

	@PostMapping("/governance/meetings/{meeting}/items/{id}/outcome")
	String outcome(@PathVariable long meeting, @PathVariable long id,
			@Valid @ModelAttribute("outcomeForm") OutcomeForm form, BindingResult result, RedirectAttributes redirect) {
		redirect.addFlashAttribute(FAILED, id);
		return change(redirect, "/governance/meetings/" + meeting, form, result, () -> governance.recordOutcome(id,
				new Outcome(form.outcome(), form.decision(), form.referredTo(), form.version())));
	}

	/**
	 * Makes the change unless the form has errors, and goes back to the page: saved, or with the form as typed and
	 * its errors. {@code renamed}: the service's name of a field where the form names it otherwise.
	 */
	private String change(RedirectAttributes redirect, String target, Object form, BindingResult result,
			Runnable change, Map<String, String> renamed) {
		if (!result.hasErrors() && made(result, change, renamed)) {
			redirect.addFlashAttribute("saved", true);
			return "redirect:" + target;
		}
		redirect.addFlashAttribute(result.getObjectName(), form);
		redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + result.getObjectName(), result);
		return "redirect:" + target;
	}

	private String change(RedirectAttributes redirect, String target, Object form, BindingResult result,
			Runnable change) {
		return change(redirect, target, form, result, change, Map.of());
	}

	private static boolean made(BindingResult result, Runnable change) {
		return made(result, change, Map.of());
	}

	/** Makes the change; a refusal goes on the field it names, or on the form as a whole. */
	private static boolean made(BindingResult result, Runnable change, Map<String, String> renamed) {
		try {
			change.run();
			return true;
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.fieldErrors().forEach((field, message) -> errors.put(renamed.getOrDefault(field, field), message));
			new InvalidInputException(errors).rejectIn(result);
		}
		catch (IllegalArgumentException ex) {
			result.reject("refused", ex.getMessage());
		}
		return false;
	}

	/** The page's form, blank unless it comes back refused (its form and errors then came as flash attributes). */
	private static void blankUnlessRefused(Model model, String name, Object blank) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, blank);
		}
	}

	private static Map<String, String> people(List<PersonView> people) {
		Map<String, String> options = new LinkedHashMap<>();
		people.forEach(person -> options.put(String.valueOf(person.id()), person.name()));
		return options;
	}

	private static <E extends Enum<E>> Map<String, String> options(E[] values, Function<E, String> label) {
		Map<String, String> options = new LinkedHashMap<>();
		for (E value : values) {
			options.put(value.name(), label.apply(value));
		}
		return options;
	}
}
