package org.cocommission.cocommissioning.web;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.cocommission.cocommissioning.ApplicationSummary;
import org.cocommission.cocommissioning.ApplicationView;
import org.cocommission.cocommissioning.ApplicationWindow;
import org.cocommission.cocommissioning.ApplicationWorkflow;
import org.cocommission.cocommissioning.Applications;
import org.cocommission.cocommissioning.BoardDecision;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.CommissioningLevels;
import org.cocommission.cocommissioning.DelegableFunction;
import org.cocommission.cocommissioning.NewCommitteeMember;
import org.cocommission.cocommissioning.NewRound;
import org.cocommission.cocommissioning.Recommendation;
import org.cocommission.cocommissioning.Reviews;
import org.cocommission.cocommissioning.Round;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.cocommissioning.Section;
import org.cocommission.cocommissioning.applications.Attachments;
import org.cocommission.cocommissioning.levels.DelegationNotices;
import org.cocommission.cocommissioning.national.NationalView;
import org.cocommission.governance.MemberRole;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.Exports;
import org.cocommission.platform.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Co-commissioning in JSON: rounds, applications, every move of the workflow, the national view. */
@RestController
@RequestMapping("/api/v1/co-commissioning")
@Tag(name = "Co-commissioning", description = "Rounds, CCG applications, area team review, board decisions, go-live")
public class CoCommissioningApiController {

	private final Rounds rounds;

	private final Applications applications;

	private final Attachments attachments;

	private final ApplicationWorkflow workflow;

	private final Reviews reviews;

	private final NationalView national;

	private final CommissioningLevels levels;

	private final AccessPolicy policy;

	private final DelegationNotices delegationNotices;

	CoCommissioningApiController(Rounds rounds, Applications applications, Attachments attachments,
			ApplicationWorkflow workflow, Reviews reviews, NationalView national, CommissioningLevels levels,
			AccessPolicy policy, DelegationNotices delegationNotices) {
		this.delegationNotices = delegationNotices;
		this.rounds = rounds;
		this.applications = applications;
		this.attachments = attachments;
		this.workflow = workflow;
		this.reviews = reviews;
		this.national = national;
		this.levels = levels;
		this.policy = policy;
	}

	@Operation(summary = "Every round, newest first")
	@GetMapping("/rounds")
	List<Round> rounds() {
		policy.requireUser();
		return rounds.rounds();
	}

	@Operation(summary = "Set up a round (NHS England); deadlines are local times in England")
	@PostMapping("/rounds")
	@ResponseStatus(HttpStatus.CREATED)
	Round createRound(@RequestBody NewRound request) {
		return rounds.create(request);
	}

	@Operation(summary = "One round")
	@GetMapping("/rounds/{id}")
	Round round(@PathVariable long id) {
		policy.requireUser();
		return rounds.round(id);
	}

	/** A window re-opened for one CCG until an instant, with the reason. */
	record Reopening(@Size(max = 10, message = "Enter a CCG code of 10 characters or fewer") String ccg, Instant until,
			@Size(max = 2000, message = "The reason must be 2000 characters or fewer") String reason) {
	}

	@Operation(summary = "End delegation by notice (the CCG's accountable officer): effective the next 1 April after a 30 September cut-off")
	@PostMapping("/ccgs/{ccg}/delegation-notice")
	DelegationNotices.DelegationNotice giveNotice(@PathVariable String ccg, @Valid @RequestBody NoticeRequest request) {
		return delegationNotices.give(ccg, request.revertsTo(), request.reason());
	}

	@Operation(summary = "Every notice a CCG gave to end delegation, newest first")
	@GetMapping("/ccgs/{ccg}/delegation-notices")
	List<DelegationNotices.DelegationNotice> notices(@PathVariable String ccg) {
		policy.requireUser();
		return delegationNotices.all(ccg.trim().toUpperCase());
	}

	record NoticeRequest(CommissioningLevel revertsTo, String reason) {
	}

	@Operation(summary = "Set the quorum a proposed committee in this round must meet (NHS England); send the round's version")
	@PutMapping("/rounds/{id}/quorum")
	Round setQuorum(@PathVariable long id, @Valid @RequestBody QuorumRequest request) {
		return rounds.setQuorum(id, request.minVotingPresent(), request.minLay(), request.minGp(), request.minExecutive(),
				request.version());
	}

	record QuorumRequest(int minVotingPresent, int minLay, int minGp, int minExecutive, int version) {
	}

	@Operation(summary = "Re-open the application window for one CCG (NHS England), with a reason")
	@PostMapping("/rounds/{id}/windows")
	ApplicationWindow reopen(@PathVariable long id, @Valid @RequestBody Reopening request) {
		rounds.reopenWindow(id, request.ccg(), request.until(), request.reason());
		return rounds.windowFor(id, request.ccg().trim().toUpperCase());
	}

	@Operation(summary = "The reference list of functions: delegable, or reserved to NHS England")
	@GetMapping("/functions")
	List<DelegableFunction> functions() {
		return rounds.functions();
	}

	record Start(@Size(max = 10, message = "Enter a CCG code of 10 characters or fewer") String ccg,
			CommissioningLevel level) {
	}

	@Operation(summary = "Express interest in a round for a level, by its expressions-of-interest deadline (the CCG's own users)")
	@PostMapping("/rounds/{id}/interest")
	@ResponseStatus(HttpStatus.CREATED)
	Applications.ExpressionOfInterest expressInterest(@PathVariable long id, @Valid @RequestBody Start request) {
		return applications.expressInterest(id, request.ccg(), request.level());
	}

	@Operation(summary = "Re-open expressions of interest for one CCG (NHS England), with a reason")
	@PostMapping("/rounds/{id}/interest-windows")
	ApplicationWindow reopenInterest(@PathVariable long id, @Valid @RequestBody Reopening request) {
		rounds.reopenInterestWindow(id, request.ccg(), request.until(), request.reason());
		return rounds.interestWindowFor(id, request.ccg().trim().toUpperCase());
	}

	@Operation(summary = "Start the full application after the CCG's expression of interest (the CCG's own users)")
	@PostMapping("/rounds/{id}/applications")
	@ResponseStatus(HttpStatus.CREATED)
	ApplicationView start(@PathVariable long id, @Valid @RequestBody Start request) {
		return applications.start(id, request.ccg(), request.level());
	}

	@Operation(summary = "The applications the signed-in user may see")
	@GetMapping("/applications")
	List<ApplicationSummary> applications() {
		return applications.visible();
	}

	@Operation(summary = "One application, with what is missing and the committee's problems under the governance rules")
	@GetMapping("/applications/{id}")
	ApplicationView application(@PathVariable long id) {
		return applications.application(id);
	}

	/** Sections by name (INTEGRATION, STANDARDS, HEALTH_INEQUALITIES, CONFLICTS_OF_INTEREST) and the version edited. */
	record SectionsChange(Map<Section, String> sections, int version) {
	}

	record Version(int version) {
	}

	@Operation(summary = "Save sections; 409 when someone else changed the application since the version given")
	@PutMapping("/applications/{id}/sections")
	Version sections(@PathVariable long id, @Valid @RequestBody SectionsChange change) {
		return new Version(applications.saveSections(id, change.sections(), change.version()));
	}

	record FunctionsChange(Set<String> codes, int version) {
	}

	@Operation(summary = "Replace the functions requested (delegable ones from the reference list)")
	@PutMapping("/applications/{id}/functions")
	Version functions(@PathVariable long id, @Valid @RequestBody FunctionsChange change) {
		return new Version(applications.setFunctions(id, change.codes() == null ? Set.of() : change.codes(), change.version()));
	}

	record MemberChange(@Size(max = 200, message = "The member's name must be 200 characters or fewer") String name,
			MemberRole role, boolean voting, boolean chair, int version) {
	}

	@Operation(summary = "Add a member to the proposed committee")
	@PostMapping("/applications/{id}/committee")
	Version addMember(@PathVariable long id, @Valid @RequestBody MemberChange change) {
		return new Version(applications.addCommitteeMember(id,
				new NewCommitteeMember(change.name(), change.role(), change.voting(), change.chair()), change.version()));
	}

	@Operation(summary = "Remove a member from the proposed committee")
	@PostMapping("/applications/{id}/committee/{memberId}/remove")
	Version removeMember(@PathVariable long id, @PathVariable long memberId, @Valid @RequestBody Version version) {
		return new Version(applications.removeCommitteeMember(id, memberId, version.version()));
	}

	record Upload(String fileName, String base64, int version) {
	}

	@Operation(summary = "Attach a PDF, DOCX or XLSX document uploaded as multipart/form-data (parts: file, version);"
			+ " checked by content and size")
	@PostMapping(path = "/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Version upload(@PathVariable long id, @RequestParam("file") MultipartFile file, @RequestParam int version)
			throws IOException {
		return new Version(attachments.attach(id, file.getOriginalFilename(), file.getBytes(), version));
	}

	@Operation(summary = "Attach a PDF, DOCX or XLSX document sent base64-encoded in JSON; checked by content and size")
	@PostMapping(path = "/applications/{id}/attachments", consumes = MediaType.APPLICATION_JSON_VALUE)
	Version attach(@PathVariable long id, @Valid @RequestBody Upload upload) {
		byte[] content;
		try {
			content = upload.base64() == null ? null : Base64.getDecoder().decode(upload.base64());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("base64", "The attachment is not valid base64");
		}
		return new Version(attachments.attach(id, upload.fileName(), content, upload.version()));
	}

	record Move(String comment, int version) {
	}

	@Operation(summary = "Submit (the CCG's accountable officer, before the deadline)")
	@PostMapping("/applications/{id}/submit")
	ApplicationView submit(@PathVariable long id, @Valid @RequestBody Move move) {
		return workflow.submit(id, move.comment(), move.version());
	}

	@Operation(summary = "Start the area team's review")
	@PostMapping("/applications/{id}/start-review")
	ApplicationView startReview(@PathVariable long id, @Valid @RequestBody Move move) {
		return workflow.startReview(id, move.comment(), move.version());
	}

	@Operation(summary = "Send the application back to the CCG for more information (area team)")
	@PostMapping("/applications/{id}/request-information")
	ApplicationView requestInformation(@PathVariable long id, @Valid @RequestBody Move move) {
		return workflow.requestInformation(id, move.comment(), move.version());
	}

	@Operation(summary = "Return the application to the area team with the information (CCG)")
	@PostMapping("/applications/{id}/return-information")
	ApplicationView returnInformation(@PathVariable long id, @Valid @RequestBody Move move) {
		return workflow.returnInformation(id, move.comment(), move.version());
	}

	@Operation(summary = "Withdraw the application (CCG)")
	@PostMapping("/applications/{id}/withdraw")
	ApplicationView withdraw(@PathVariable long id, @Valid @RequestBody Move move) {
		return workflow.withdraw(id, move.comment(), move.version());
	}

	record ScoreChange(long criterionId, int score, String comment, int version) {
	}

	@Operation(summary = "Score one criterion (area team, under review)")
	@PostMapping("/applications/{id}/scores")
	Version score(@PathVariable long id, @Valid @RequestBody ScoreChange change) {
		return new Version(reviews.score(id, change.criterionId(), change.score(), change.comment(), change.version()));
	}

	record Part2Change(boolean assuranceThresholdsMet, boolean conflictsThresholdsMet, boolean soundFinancialControl,
			@Size(max = 200, message = "The name must be 200 characters or fewer") String declarationName, int version) {
	}

	@Operation(summary = "Record part 2 of a delegated application (area team, under review): assurance and signed declaration")
	@PutMapping("/applications/{id}/part2")
	Version part2(@PathVariable long id, @Valid @RequestBody Part2Change change) {
		return new Version(reviews.recordPart2(id, change.assuranceThresholdsMet(), change.conflictsThresholdsMet(),
				change.soundFinancialControl(), change.declarationName(), change.version()));
	}

	record RecommendationChange(Recommendation recommendation, String reasons, int version) {
	}

	@Operation(summary = "Recommend to the board (area team)")
	@PostMapping("/applications/{id}/recommendation")
	ApplicationView recommend(@PathVariable long id, @Valid @RequestBody RecommendationChange change) {
		return reviews.recommend(id, change.recommendation(), change.reasons(), change.version());
	}

	record DecisionChange(BoardDecision decision, String reasons, List<String> conditions, int version) {
	}

	@Operation(summary = "Record the board's decision (NHS England)")
	@PostMapping("/applications/{id}/decision")
	ApplicationView decide(@PathVariable long id, @Valid @RequestBody DecisionChange change) {
		return reviews.decide(id, change.decision(), change.reasons(), change.conditions(), change.version());
	}

	record Discharge(@Size(max = 2000, message = "Say how the condition was met in 2000 characters or fewer") String note,
			int version) {
	}

	@Operation(summary = "Discharge a condition (area team or NHS England)")
	@PostMapping("/applications/{id}/conditions/{conditionId}/discharge")
	ApplicationView discharge(@PathVariable long id, @PathVariable long conditionId, @Valid @RequestBody Discharge discharge) {
		reviews.dischargeCondition(id, conditionId, discharge.note(), discharge.version());
		return applications.application(id);
	}

	@Operation(summary = "National view: every CCG's level and application in a round, counts, overdue reviews (NHS England)")
	@GetMapping("/national")
	NationalView.Overview national(@RequestParam(required = false) Long round) {
		return national.overview(round);
	}

	@Operation(summary = "National view as CSV (NHS England)")
	@GetMapping(path = "/national.csv")
	ResponseEntity<String> nationalCsv(@RequestParam(required = false) Long round) {
		NationalView.Overview overview = national.overview(round);
		return Exports.csvDownload(national.table(overview), "co-commissioning-" + overview.asAt() + ".csv");
	}

	@Operation(summary = "A CCG's commissioning level over time")
	@GetMapping("/ccgs/{ccg}/levels")
	List<CommissioningLevels.LevelPeriod> levels(@PathVariable String ccg) {
		return levels.history(ccg.toUpperCase());
	}
}
