package org.cocommission.cocommissioning.applications;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.cocommission.cocommissioning.ApplicationStatus;
import org.cocommission.cocommissioning.ApplicationView;
import org.cocommission.cocommissioning.ApplicationWorkflow;
import org.cocommission.cocommissioning.Applications;
import org.cocommission.cocommissioning.AreaTeamAssurance;
import org.cocommission.cocommissioning.BoardDecision;
import org.cocommission.cocommissioning.NewCommitteeMember;
import org.cocommission.cocommissioning.Recommendation;
import org.cocommission.cocommissioning.Reviews;
import org.cocommission.cocommissioning.Round.Criterion;
import org.cocommission.cocommissioning.Round;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.cocommissioning.Section;
import org.cocommission.cocommissioning.Transition;
import org.cocommission.cocommissioning.web.PageSupport;
import org.cocommission.governance.Governance;
import org.cocommission.governance.MemberRole;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/** One application: writing it (with autosave), its committee, attachments, and every move of the workflow. */
@Controller
public class ApplicationPageController {

	/** What a form without its version means: the page was not the one the server sent. */
	static final String STALE = "The page is out of date: reload it and try again";

	private final Applications applications;

	private final Attachments attachments;

	private final ApplicationWorkflow workflow;

	private final Reviews reviews;

	private final Rounds rounds;

	private final AccessPolicy policy;

	private final PageSupport changes;

	private final Governance governance;

	ApplicationPageController(Applications applications, Attachments attachments, ApplicationWorkflow workflow,
			Reviews reviews, Rounds rounds, AccessPolicy policy, PageSupport changes, Governance governance) {
		this.governance = governance;
		this.changes = changes;
		this.applications = applications;
		this.attachments = attachments;
		this.workflow = workflow;
		this.reviews = reviews;
		this.rounds = rounds;
		this.policy = policy;
	}

	@GetMapping("/co-commissioning/applications/{id}")
	String application(@PathVariable long id, Model model) {
		CurrentUser user = policy.requireUser();
		ApplicationView application = applications.application(id);
		boolean ownCcg = user.role() == Role.CCG && user.organisationCode().equals(application.ccgCode());
		model.addAttribute("app", application);
		model.addAttribute("round", rounds.round(application.roundId()));
		model.addAttribute("functions", rounds.functions());
		model.addAttribute("roles", MemberRole.values());
		model.addAttribute("sections", Section.values());
		model.addAttribute("canEdit", ownCcg && application.editable());
		model.addAttribute("ccgUser", ownCcg);
		// Overdue declarations block submission, so the checklist names them (issue 22, defect 7).
		model.addAttribute("overdue", ownCcg && application.status() == ApplicationStatus.DRAFT
				? governance.overdueGoverningBodyMembers(application.ccgCode()).stream().map(p -> p.name()).toList()
				: List.of());
		model.addAttribute("areaTeam", user.role() == Role.AREA_TEAM);
		model.addAttribute("national", user.isNational());
		model.addAttribute("recommendations", Recommendation.values());
		model.addAttribute("decisions", BoardDecision.values());
		model.addAttribute("maxMegabytes", rounds.maxAttachmentBytes() / 1_048_576);
		model.addAttribute("roleOptions", options(MemberRole.values(), MemberRole::label));
		model.addAttribute("recommendationOptions", options(Recommendation.values(), Recommendation::label));
		model.addAttribute("decisionOptions", options(BoardDecision.values(), BoardDecision::label));
		Round round = rounds.round(application.roundId());
		Map<String, String> scoreOptions = new LinkedHashMap<>();
		// No score is chosen until the reviewer chooses one: a first option of 0 would read as a saved 0.
		scoreOptions.put("", "Choose a score");
		for (int n = round.scoreMin(); n <= round.scoreMax(); n++) {
			scoreOptions.put(String.valueOf(n), String.valueOf(n));
		}
		model.addAttribute("scoreOptions", scoreOptions);
		model.addAttribute("decisionSummary", decisionSummary(application, round));
		model.addAttribute("sectionMax", SECTION_MAX);
		model.addAttribute("sectionErrors", model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "sectionsForm"));
		if (!model.containsAttribute("sectionsForm")) {
			model.addAttribute("sectionsForm", null);
		}
		model.addAttribute("problemAnchor", problemAnchor(model));
		// a refused form comes back by flash attribute (with its BindingResult); otherwise each form starts empty
		addIfAbsent(model, "memberForm", new MemberForm(null, null, true, false, null));
		addIfAbsent(model, "scoreForm", new ScoreForm(null, null, null, null));
		model.addAttribute("blankScoreForm", new ScoreForm(null, null, null, null));
		// Each criterion's form shows its saved score and comment (issue 22, defect 6): one model attribute each.
		for (Criterion criterion : round.criteria()) {
			ApplicationView.Score saved = application.scores()
				.stream()
				.filter(score -> score.criterionId() == criterion.id())
				.findFirst()
				.orElse(null);
			model.addAttribute("scoreForm" + criterion.id(), new ScoreForm(criterion.id(),
					saved == null ? null : saved.score(), saved == null ? null : saved.comment(), application.version()));
		}
		addIfAbsent(model, "recommendationForm", new RecommendationForm(null, null, null));
		addIfAbsent(model, "decisionForm", new DecisionForm(null, null, null, null));
		addIfAbsent(model, "dischargeForm", new DischargeForm(null, null));
		model.addAttribute("blankDischargeForm", new DischargeForm(null, null));
		addIfAbsent(model, "moveForm", new MoveForm(null, null));
		model.addAttribute("blankMoveForm", new MoveForm(null, null));
		AreaTeamAssurance part2 = application.part2();
		addIfAbsent(model, "part2Form", part2 == null ? new Part2Form(false, false, false, null, null)
				: new Part2Form(part2.assuranceThresholdsMet(), part2.conflictsThresholdsMet(),
						part2.soundFinancialControl(), part2.declarationName(), null));
		return "cocommissioning/application";
	}

	/**
	 * Where on the page the refused field is, for the problem box to link to it: the id of the field of the form that
	 * came back (flashed with its errors), or null when the problem is not about one field.
	 */
	static String problemAnchor(Model model) {
		for (Map.Entry<String, Object> entry : model.asMap().entrySet()) {
			if (!(entry.getValue() instanceof BindingResult result) || !result.hasFieldErrors()) {
				continue;
			}
			String field = result.getFieldErrors().get(0).getField();
			Object form = result.getTarget();
			return switch (result.getObjectName()) {
				case "sectionsForm" -> java.util.Arrays.stream(Section.values())
					.filter(s -> s.field().equals(field))
					.map(Section::slug)
					.findFirst()
					.orElse("sections-form");
				case "memberForm" -> "member-" + field;
				case "scoreForm" -> form instanceof ScoreForm score
						? ("comment".equals(field) ? "score-comment-" : "score-") + score.criterionId() : "review";
				case "part2Form" -> "declarationName".equals(field) ? "part2-declaration" : "part2";
				case "recommendationForm" -> "recommendation".equals(field) ? "rec" : "rec-reasons";
				case "decisionForm" -> "decision".equals(field) ? "decision-choice"
						: "reasons".equals(field) ? "dec-reasons" : "dec-conditions";
				case "moveForm" -> "comment".equals(field) ? moveCommentId(model.getAttribute("refusedMove")) : null;
				case "dischargeForm" -> "note-" + model.getAttribute("refusedCondition");
				case "functionsForm" -> "functions";
				default -> null;
			};
		}
		return null;
	}

	private static String moveCommentId(Object move) {
		return switch (String.valueOf(move)) {
			case "submit" -> "submit-comment";
			case "start-review" -> "review-comment";
			case "request-information" -> "request-comment";
			case "return-information" -> "return-comment";
			case "withdraw" -> "withdraw-comment";
			default -> null;
		};
	}

	private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy");

	/**
	 * What the board decided, when, and when it takes effect, in a sentence for the top of the page (issue 22: a
	 * decided application said only "Saved."). Null before a decision.
	 */
	static String decisionSummary(ApplicationView application, Round round) {
		if (application.decision() == null) {
			return null;
		}
		String on = application.history()
			.stream()
			.filter(line -> line.to() == ApplicationStatus.DECIDED)
			.reduce((first, last) -> last)
			.map(line -> " on " + line.atInLondon().toLocalDate().format(DAY))
			.orElse("");
		String level = application.level().label().toLowerCase();
		return switch (application.decision()) {
			case REJECTED -> "The NHS England board rejected this application" + on + ". " + application.ccgName()
					+ "'s commissioning level does not change.";
			case APPROVED, APPROVED_WITH_CONDITIONS -> "The NHS England board approved this application"
					+ (application.decision() == BoardDecision.APPROVED_WITH_CONDITIONS ? " with conditions" : "") + on + ". "
					+ (application.status() == ApplicationStatus.LIVE
							? application.ccgName() + " has had " + level + " since " + round.goLiveOn().format(DAY) + "."
							: application.ccgName() + " moves to " + level + " from " + round.goLiveOn().format(DAY) + ".");
		};
	}

	private static <E extends Enum<E>> Map<String, String> options(E[] values, Function<E, String> label) {
		Map<String, String> options = new LinkedHashMap<>();
		for (E value : values) {
			options.put(value.name(), label.apply(value));
		}
		return options;
	}

	private static void addIfAbsent(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

	/** The longest a written section may be (the service refuses longer too). */
	static final int SECTION_MAX = 20_000;

	/**
	 * The written sections as typed, by {@link Section#field()}: the whole form, or the one section an autosave sends
	 * (the others null), with the version the page was made on.
	 */
	record SectionsForm(
			@Size(max = SECTION_MAX, message = "Integration of care outside hospital must be 20,000 characters or fewer") String integration,
			@Size(max = SECTION_MAX, message = "Raising standards of primary care must be 20,000 characters or fewer") String standards,
			@Size(max = SECTION_MAX, message = "Cutting health inequalities must be 20,000 characters or fewer") String healthInequalities,
			@Size(max = SECTION_MAX, message = "Conflicts of interest arrangements must be 20,000 characters or fewer") String conflictsOfInterest,
			@NotNull(message = STALE) Integer version) implements Serializable {

		public String of(Section section) {
			return switch (section) {
				case INTEGRATION -> integration;
				case STANDARDS -> standards;
				case HEALTH_INEQUALITIES -> healthInequalities;
				case CONFLICTS_OF_INTEREST -> conflictsOfInterest;
			};
		}

		/** The sections the form carries: those sent, blank or not. */
		Map<Section, String> given() {
			Map<Section, String> sections = new EnumMap<>(Section.class);
			for (Section section : Section.values()) {
				if (of(section) != null) {
					sections.put(section, of(section));
				}
			}
			return sections;
		}
	}

	@PostMapping("/co-commissioning/applications/{id}/sections")
	String saveAll(@PathVariable long id, @Valid @ModelAttribute("sectionsForm") SectionsForm form, BindingResult result,
			RedirectAttributes redirect) {
		return changes.attempt(redirect, target(id), result,
				() -> applications.saveSections(id, form.given(), form.version()));
	}

	/**
	 * Autosave of one section as the user types (htmx): answers a status line beside the section and the new version.
	 * A conflict says who made the other change (the same user in another tab, or someone else); the text typed stays
	 * in the box, since only the status line is replaced.
	 */
	@PostMapping(path = "/co-commissioning/applications/{id}/sections/{section}", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	ResponseEntity<String> autosave(@PathVariable long id, @PathVariable String section,
			@Valid @ModelAttribute("sectionsForm") SectionsForm form, BindingResult result) {
		Section which = Section.fromSlug(section);
		int version = form.version() == null ? -1 : form.version();
		if (result.hasErrors()) {
			return ResponseEntity.badRequest().body(status(which, result.getAllErrors().get(0).getDefaultMessage(), version, true));
		}
		try {
			int next = applications.saveSection(id, which, form.of(which) == null ? "" : form.of(which), version);
			return ResponseEntity.ok(status(which, "Saved at " + java.time.LocalTime.now(Round.LONDON)
				.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")) + ".", next, false));
		}
		catch (OptimisticLockingFailureException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(status(which, conflict(id), version, true));
		}
		catch (IllegalArgumentException ex) {
			return ResponseEntity.badRequest().body(status(which, ex.getMessage(), version, true));
		}
	}

	/** Who made the change that got there first, in words for the one whose save was refused. */
	private String conflict(long id) {
		String mine = policy.requireUser().username();
		String other = applications.lastChangedBy(id);
		String keep = " Your text here is kept: copy it, reload the page, and paste it back where it belongs.";
		return mine.equals(other) ? "You changed this application in another tab or window since this one was loaded." + keep
				: (other == null ? "Someone else" : other) + " changed this application since you loaded it." + keep;
	}

	private static String status(Section section, String message, int version, boolean problem) {
		return "<span class=\"" + (problem ? "nhsuk-error-message" : "nhsuk-hint") + "\" id=\"autosave-message-"
				+ section.slug() + "\">" + HtmlUtils.htmlEscape(message) + "</span>"
				+ "<input type=\"hidden\" name=\"version\" value=\"" + version + "\" id=\"version\" hx-swap-oob=\"true\">";
	}

	/** The functions chosen by their codes, with the version. */
	record FunctionsForm(List<@Size(max = 40, message = "Choose functions from the list") String> codes,
			@NotNull(message = STALE) Integer version) implements Serializable {
	}

	@PostMapping("/co-commissioning/applications/{id}/functions")
	String functions(@PathVariable long id, @Valid @ModelAttribute("functionsForm") FunctionsForm form,
			BindingResult result, RedirectAttributes redirect) {
		return changes.attempt(redirect, target(id) + "#functions", result, () -> applications.setFunctions(id,
				form.codes() == null ? java.util.Set.of() : new LinkedHashSet<>(form.codes()), form.version()));
	}

	/** A member to add to the proposed committee; the service checks the name and role. */
	record MemberForm(@Size(max = 200, message = "The member's name must be 200 characters or fewer") String name,
			MemberRole role, boolean voting, boolean chair, @NotNull(message = STALE) Integer version) implements Serializable {
	}

	@PostMapping("/co-commissioning/applications/{id}/committee")
	String addMember(@PathVariable long id, @Valid @ModelAttribute("memberForm") MemberForm form, BindingResult result,
			RedirectAttributes redirect) {
		return changes.attempt(redirect, target(id) + "#committee", result, () -> applications.addCommitteeMember(id,
				new NewCommitteeMember(form.name(), form.role(), form.voting(), form.chair()), form.version()));
	}

	/** A change that needs only the version the page was made on (removing a member or an attachment). */
	record VersionForm(@NotNull(message = STALE) Integer version) implements Serializable {
	}

	@PostMapping("/co-commissioning/applications/{id}/committee/{memberId}/remove")
	String removeMember(@PathVariable long id, @PathVariable long memberId,
			@Valid @ModelAttribute("removeForm") VersionForm form, BindingResult result, RedirectAttributes redirect) {
		return changes.attempt(redirect, target(id) + "#committee", result,
				() -> applications.removeCommitteeMember(id, memberId, form.version()));
	}

	@PostMapping("/co-commissioning/applications/{id}/committee/{memberId}/chair")
	String makeChair(@PathVariable long id, @PathVariable long memberId,
			@Valid @ModelAttribute("chairForm") VersionForm form, BindingResult result, RedirectAttributes redirect) {
		return changes.attempt(redirect, target(id) + "#committee", result,
				() -> applications.makeChair(id, memberId, form.version()));
	}

	@PostMapping("/co-commissioning/applications/{id}/attachments/{attachmentId}/remove")
	String removeAttachment(@PathVariable long id, @PathVariable long attachmentId,
			@Valid @ModelAttribute("removeAttachmentForm") VersionForm form, BindingResult result,
			RedirectAttributes redirect) {
		return changes.attempt(redirect, target(id) + "#attachments", result,
				() -> attachments.remove(id, attachmentId, form.version()));
	}

	/** A file to attach, with the version. The file itself is not kept across a refusal. */
	record AttachmentForm(MultipartFile file, @NotNull(message = STALE) Integer version) {
	}

	@PostMapping("/co-commissioning/applications/{id}/attachments")
	String attach(@PathVariable long id, @Valid @ModelAttribute("attachmentForm") AttachmentForm form,
			BindingResult result, RedirectAttributes redirect) {
		MultipartFile file = form.file();
		String problem = result.hasErrors() ? result.getAllErrors().get(0).getDefaultMessage() : null;
		if (problem != null) {
			redirect.addFlashAttribute("problem", problem);
			return "redirect:" + target(id) + "#attachments";
		}
		return changes.attempt(redirect, target(id) + "#attachments", () -> {
			try {
				attachments.attach(id, file == null || file.isEmpty() ? null : file.getOriginalFilename(),
						file == null || file.isEmpty() ? null : file.getBytes(), form.version());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@GetMapping("/co-commissioning/applications/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		Attachments.Download download = attachments.download(id, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(download.fileName()).build().toString())
			.body(download.content());
	}

	/** A move of the workflow: the comment that goes into the history, and the version the user saw. */
	record MoveForm(String comment, @NotNull(message = STALE) Integer version) implements Serializable {
	}

	@PostMapping("/co-commissioning/applications/{id}/transitions/{transition}")
	String transition(@PathVariable long id, @PathVariable String transition,
			@Valid @ModelAttribute("moveForm") MoveForm form, BindingResult result, RedirectAttributes redirect) {
		Transition move = switch (transition) {
			case "submit" -> Transition.SUBMIT;
			case "start-review" -> Transition.START_REVIEW;
			case "request-information" -> Transition.REQUEST_INFORMATION;
			case "return-information" -> Transition.RETURN_INFORMATION;
			case "withdraw" -> Transition.WITHDRAW;
			default -> throw new IllegalArgumentException("No such move: " + transition);
		};
		redirect.addFlashAttribute("refusedMove", transition); // which move's form a refusal is shown on
		return changes.attempt(redirect, target(id), result, () -> {
			String comment = form.comment();
			int version = form.version();
			switch (move) {
				case SUBMIT -> workflow.submit(id, comment, version);
				case START_REVIEW -> workflow.startReview(id, comment, version);
				case REQUEST_INFORMATION -> workflow.requestInformation(id, comment, version);
				case RETURN_INFORMATION -> workflow.returnInformation(id, comment, version);
				default -> workflow.withdraw(id, comment, version);
			}
		});
	}

	/** One criterion's score and comment. */
	record ScoreForm(@NotNull(message = STALE) Long criterionId, @NotNull(message = "Choose a score") Integer score,
			String comment, @NotNull(message = STALE) Integer version) implements Serializable {
	}

	@PostMapping("/co-commissioning/applications/{id}/scores")
	String score(@PathVariable long id, @Valid @ModelAttribute("scoreForm") ScoreForm form, BindingResult result,
			RedirectAttributes redirect) {
		return changes.attempt(redirect, target(id) + "#review", result,
				() -> reviews.score(id, form.criterionId(), form.score(), form.comment(), form.version()));
	}

	/** Part 2 of a delegated application: the three assurances and the name that signs the declaration. */
	record Part2Form(boolean assuranceThresholdsMet, boolean conflictsThresholdsMet, boolean soundFinancialControl,
			@Size(max = 200, message = "The name must be 200 characters or fewer") String declarationName,
			@NotNull(message = STALE) Integer version) implements Serializable {
	}

	@PostMapping("/co-commissioning/applications/{id}/part2")
	String part2(@PathVariable long id, @Valid @ModelAttribute("part2Form") Part2Form form, BindingResult result,
			RedirectAttributes redirect) {
		return changes.attempt(redirect, target(id) + "#part2", result,
				() -> reviews.recordPart2(id, form.assuranceThresholdsMet(), form.conflictsThresholdsMet(),
						form.soundFinancialControl(), form.declarationName(), form.version()));
	}

	/** The area team's recommendation to the board, with its reasons. */
	record RecommendationForm(Recommendation recommendation, String reasons, @NotNull(message = STALE) Integer version) implements Serializable {
	}

	@PostMapping("/co-commissioning/applications/{id}/recommendation")
	String recommend(@PathVariable long id, @Valid @ModelAttribute("recommendationForm") RecommendationForm form,
			BindingResult result, RedirectAttributes redirect) {
		return changes.attempt(redirect, target(id), result,
				() -> reviews.recommend(id, form.recommendation(), form.reasons(), form.version()));
	}

	/** The board's decision, its reasons and any conditions, one a line. */
	record DecisionForm(BoardDecision decision, String reasons, String conditions,
			@NotNull(message = STALE) Integer version) implements Serializable {

		List<String> conditionLines() {
			return conditions == null ? List.of() : List.of(conditions.split("\\R"));
		}
	}

	@PostMapping("/co-commissioning/applications/{id}/decision")
	String decide(@PathVariable long id, @Valid @ModelAttribute("decisionForm") DecisionForm form, BindingResult result,
			RedirectAttributes redirect) {
		String target = changes.attempt(redirect, target(id), result,
				() -> reviews.decide(id, form.decision(), form.reasons(), form.conditionLines(), form.version()));
		// The page says what was decided and when it takes effect: no bare "Saved.".
		redirect.addFlashAttribute("decidedNow", true);
		return target;
	}

	/** How a condition was met, with the condition's version. */
	record DischargeForm(
			@Size(max = 2000, message = "Say how the condition was met in 2000 characters or fewer") String note,
			@NotNull(message = STALE) Integer version) implements Serializable {
	}

	@PostMapping("/co-commissioning/applications/{id}/conditions/{conditionId}/discharge")
	String discharge(@PathVariable long id, @PathVariable long conditionId,
			@Valid @ModelAttribute("dischargeForm") DischargeForm form, BindingResult result, RedirectAttributes redirect) {
		redirect.addFlashAttribute("refusedCondition", conditionId); // which condition's form a refusal is shown on
		return changes.attempt(redirect, target(id) + "#conditions", result,
				() -> reviews.dischargeCondition(id, conditionId, form.note(), form.version()));
	}

	private static String target(long id) {
		return "/co-commissioning/applications/" + id;
	}
}
