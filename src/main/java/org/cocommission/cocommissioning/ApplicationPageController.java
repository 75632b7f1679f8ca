package org.cocommission.cocommissioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/** One application: writing it (with autosave), its committee, attachments, and every move of the workflow. */
@Controller
class ApplicationPageController {

	private final Applications applications;

	private final Attachments attachments;

	private final ApplicationWorkflow workflow;

	private final Reviews reviews;

	private final Rounds rounds;

	private final AccessPolicy policy;

	ApplicationPageController(Applications applications, Attachments attachments, ApplicationWorkflow workflow,
			Reviews reviews, Rounds rounds, AccessPolicy policy) {
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
		model.addAttribute("areaTeam", user.role() == Role.AREA_TEAM);
		model.addAttribute("national", user.isNational());
		model.addAttribute("recommendations", Recommendation.values());
		model.addAttribute("decisions", BoardDecision.values());
		model.addAttribute("maxMegabytes", rounds.maxAttachmentBytes() / 1_048_576);
		return "cocommissioning/application";
	}

	@PostMapping("/co-commissioning/applications/{id}/sections")
	String saveAll(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam int version,
			RedirectAttributes redirect) {
		Map<Section, String> sections = new EnumMap<>(Section.class);
		for (Section section : Section.values()) {
			if (form.containsKey(section.slug())) {
				sections.put(section, form.get(section.slug()));
			}
		}
		return PageSupport.attempt(redirect, target(id), () -> applications.saveSections(id, sections, version));
	}

	/** Autosave of one section as the user types (htmx); answers a status line and the new version. */
	@PostMapping(path = "/co-commissioning/applications/{id}/sections/{section}", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	ResponseEntity<String> autosave(@PathVariable long id, @PathVariable String section,
			@RequestParam(required = false) Map<String, String> form, @RequestParam int version) {
		Section which = Section.fromSlug(section);
		try {
			int next = applications.saveSection(id, which, form.get(which.slug()), version);
			return ResponseEntity.ok(status("Saved " + which.label().toLowerCase() + ".", next, false));
		}
		catch (OptimisticLockingFailureException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(status(ApplicationStore.CONFLICT, version, true));
		}
		catch (IllegalArgumentException ex) {
			return ResponseEntity.badRequest().body(status(ex.getMessage(), version, true));
		}
	}

	private static String status(String message, int version, boolean problem) {
		return "<span class=\"" + (problem ? "nhsuk-error-message" : "nhsuk-hint") + "\" id=\"autosave-message\">"
				+ HtmlUtils.htmlEscape(message) + "</span>"
				+ "<input type=\"hidden\" name=\"version\" value=\"" + version + "\" id=\"version\" hx-swap-oob=\"true\">";
	}

	@PostMapping("/co-commissioning/applications/{id}/functions")
	String functions(@PathVariable long id, @RequestParam(required = false) List<String> codes, @RequestParam int version,
			RedirectAttributes redirect) {
		return PageSupport.attempt(redirect, target(id), () -> applications.setFunctions(id,
				codes == null ? java.util.Set.of() : new LinkedHashSet<>(codes), version));
	}

	@PostMapping("/co-commissioning/applications/{id}/committee")
	String addMember(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) MemberRole role, @RequestParam(defaultValue = "false") boolean voting,
			@RequestParam(defaultValue = "false") boolean chair, @RequestParam int version, RedirectAttributes redirect) {
		return PageSupport.attempt(redirect, target(id) + "#committee",
				() -> applications.addCommitteeMember(id, new NewCommitteeMember(name, role, voting, chair), version));
	}

	@PostMapping("/co-commissioning/applications/{id}/committee/{memberId}/remove")
	String removeMember(@PathVariable long id, @PathVariable long memberId, @RequestParam int version,
			RedirectAttributes redirect) {
		return PageSupport.attempt(redirect, target(id) + "#committee",
				() -> applications.removeCommitteeMember(id, memberId, version));
	}

	@PostMapping("/co-commissioning/applications/{id}/attachments")
	String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file, @RequestParam int version,
			RedirectAttributes redirect) {
		return PageSupport.attempt(redirect, target(id) + "#attachments", () -> {
			try {
				attachments.attach(id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(),
						version);
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

	@PostMapping("/co-commissioning/applications/{id}/transitions/{transition}")
	String transition(@PathVariable long id, @PathVariable String transition, @RequestParam(required = false) String comment,
			@RequestParam int version, RedirectAttributes redirect) {
		Transition move = switch (transition) {
			case "submit" -> Transition.SUBMIT;
			case "start-review" -> Transition.START_REVIEW;
			case "request-information" -> Transition.REQUEST_INFORMATION;
			case "return-information" -> Transition.RETURN_INFORMATION;
			case "withdraw" -> Transition.WITHDRAW;
			default -> throw new IllegalArgumentException("No such move: " + transition);
		};
		return PageSupport.attempt(redirect, target(id), () -> {
			switch (move) {
				case SUBMIT -> workflow.submit(id, comment, version);
				case START_REVIEW -> workflow.startReview(id, comment, version);
				case REQUEST_INFORMATION -> workflow.requestInformation(id, comment, version);
				case RETURN_INFORMATION -> workflow.returnInformation(id, comment, version);
				default -> workflow.withdraw(id, comment, version);
			}
		});
	}

	@PostMapping("/co-commissioning/applications/{id}/scores")
	String score(@PathVariable long id, @RequestParam long criterionId, @RequestParam(required = false) Integer score,
			@RequestParam(required = false) String comment, @RequestParam int version, RedirectAttributes redirect) {
		return PageSupport.attempt(redirect, target(id) + "#review", () -> {
			if (score == null) {
				throw new IllegalArgumentException("Choose a score");
			}
			reviews.score(id, criterionId, score, comment, version);
		});
	}

	@PostMapping("/co-commissioning/applications/{id}/part2")
	String part2(@PathVariable long id, @RequestParam(defaultValue = "false") boolean assuranceThresholdsMet,
			@RequestParam(defaultValue = "false") boolean conflictsThresholdsMet,
			@RequestParam(defaultValue = "false") boolean soundFinancialControl,
			@RequestParam(required = false) String declarationName, @RequestParam int version, RedirectAttributes redirect) {
		return PageSupport.attempt(redirect, target(id) + "#part2", () -> reviews.recordPart2(id, assuranceThresholdsMet,
				conflictsThresholdsMet, soundFinancialControl, declarationName, version));
	}

	@PostMapping("/co-commissioning/applications/{id}/recommendation")
	String recommend(@PathVariable long id, @RequestParam(required = false) Recommendation recommendation,
			@RequestParam(required = false) String reasons, @RequestParam int version, RedirectAttributes redirect) {
		return PageSupport.attempt(redirect, target(id), () -> reviews.recommend(id, recommendation, reasons, version));
	}

	@PostMapping("/co-commissioning/applications/{id}/decision")
	String decide(@PathVariable long id, @RequestParam(required = false) BoardDecision decision,
			@RequestParam(required = false) String reasons, @RequestParam(required = false) String conditions,
			@RequestParam int version, RedirectAttributes redirect) {
		return PageSupport.attempt(redirect, target(id), () -> reviews.decide(id, decision, reasons,
				conditions == null ? List.of() : List.of(conditions.split("\\R")), version));
	}

	@PostMapping("/co-commissioning/applications/{id}/conditions/{conditionId}/discharge")
	String discharge(@PathVariable long id, @PathVariable long conditionId, @RequestParam(required = false) String note,
			@RequestParam int version, RedirectAttributes redirect) {
		return PageSupport.attempt(redirect, target(id) + "#conditions",
				() -> reviews.dischargeCondition(id, conditionId, note, version));
	}

	private static String target(long id) {
		return "/co-commissioning/applications/" + id;
	}
}
