package org.cocommission.governance.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests.Attendance;
import org.cocommission.governance.GovernanceRequests.CastVote;
import org.cocommission.governance.GovernanceRequests.ItemDeclaration;
import org.cocommission.governance.GovernanceRequests.NewCommittee;
import org.cocommission.governance.GovernanceRequests.NewDeclaration;
import org.cocommission.governance.GovernanceRequests.NewGift;
import org.cocommission.governance.GovernanceRequests.NewItem;
import org.cocommission.governance.GovernanceRequests.NewLink;
import org.cocommission.governance.GovernanceRequests.NewMeeting;
import org.cocommission.governance.GovernanceRequests.NewPerson;
import org.cocommission.governance.GovernanceRequests.Outcome;
import org.cocommission.governance.GovernanceRequests.SensitiveMarking;
import org.cocommission.governance.GovernanceRequests;
import org.cocommission.governance.GovernanceViews.CommitteeView;
import org.cocommission.governance.GovernanceViews.ComplianceRow;
import org.cocommission.governance.GovernanceViews.DecisionRow;
import org.cocommission.governance.GovernanceViews.GiftView;
import org.cocommission.governance.GovernanceViews.ItemView;
import org.cocommission.governance.GovernanceViews.MeetingSummary;
import org.cocommission.governance.GovernanceViews.MeetingView;
import org.cocommission.governance.GovernanceViews.PersonView;
import org.cocommission.governance.GovernanceViews.Register;
import org.cocommission.governance.GovernanceViews;
import org.cocommission.identity.Duty;
import org.cocommission.identity.UserDuties;
import org.cocommission.platform.PageOf;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The governance registers, committees and meetings as JSON; published registers are under {@code /api/v1/public}. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Governance", description = "Registers of interests and gifts, committees, meetings, conflicts, quoracy")
public class GovernanceApiController {

	private static final String CCG = "/governance/ccgs/{ccg}";

	private final Governance governance;

	private final UserDuties duties;

	GovernanceApiController(Governance governance, UserDuties duties) {
		this.governance = governance;
		this.duties = duties;
	}

	record Created(long id) {
	}

	record DutyRequest(String username, Duty duty) {
	}

	private static ResponseEntity<Created> created(String path, long id) {
		return ResponseEntity.created(URI.create("/api/v1" + path + "/" + id)).body(new Created(id));
	}

	@Operation(summary = "People on the CCG's governing body and committees, with their links and declaration due dates")
	@GetMapping(CCG + "/people")
	List<PersonView> people(@PathVariable String ccg) {
		return governance.people(ccg.toUpperCase());
	}

	@Operation(summary = "Add a person (governance lead)")
	@PostMapping(CCG + "/people")
	ResponseEntity<Created> addPerson(@PathVariable String ccg, @Valid @RequestBody NewPerson person) {
		return created(CCG.replace("{ccg}", ccg) + "/people", governance.addPerson(ccg.toUpperCase(), person));
	}

	@Operation(summary = "Link a person (or their relative) to a practice, provider or body")
	@PostMapping(CCG + "/people/{id}/links")
	Created addLink(@PathVariable String ccg, @PathVariable long id, @Valid @RequestBody NewLink link) {
		return new Created(governance.addLink(ccg.toUpperCase(), id, link));
	}

	@Operation(summary = "Declare an interest (the person themselves or the governance lead)")
	@PostMapping(CCG + "/people/{id}/declarations")
	Created declare(@PathVariable String ccg, @PathVariable long id, @Valid @RequestBody NewDeclaration declaration) {
		return new Created(governance.declare(ccg.toUpperCase(), id, declaration));
	}

	@Operation(summary = "Make a nil return")
	@PostMapping(CCG + "/people/{id}/nil-return")
	ResponseEntity<Void> nilReturn(@PathVariable String ccg, @PathVariable long id) {
		governance.nilReturn(ccg.toUpperCase(), id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Record a gift or hospitality offered")
	@PostMapping(CCG + "/people/{id}/gifts")
	Created recordGift(@PathVariable String ccg, @PathVariable long id, @Valid @RequestBody NewGift gift) {
		return new Created(governance.recordGift(ccg.toUpperCase(), id, gift));
	}

	@Operation(summary = "Mark a declaration sensitive or not (conflict of interest guardian)")
	@PostMapping(CCG + "/declarations/{id}/sensitivity")
	ResponseEntity<Void> markSensitive(@PathVariable String ccg, @PathVariable long id,
			@Valid @RequestBody SensitiveMarking marking) {
		governance.markSensitive(ccg.toUpperCase(), id, marking);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "The CCG's register of interests, with overdue people flagged")
	@GetMapping(CCG + "/register")
	Register register(@PathVariable String ccg) {
		return governance.register(ccg.toUpperCase());
	}

	@Operation(summary = "The CCG's gifts and hospitality register, with the thresholds applied")
	@GetMapping(CCG + "/gifts")
	List<GiftView> gifts(@PathVariable String ccg) {
		return governance.gifts(ccg.toUpperCase());
	}

	@Operation(summary = "The CCG's committees with their terms of reference")
	@GetMapping(CCG + "/committees")
	List<CommitteeView> committees(@PathVariable String ccg) {
		return governance.committees(ccg.toUpperCase());
	}

	@Operation(summary = "Create a committee (governance lead)")
	@PostMapping(CCG + "/committees")
	Created createCommittee(@PathVariable String ccg, @Valid @RequestBody NewCommittee committee) {
		return new Created(governance.createCommittee(ccg.toUpperCase(), committee));
	}

	@GetMapping("/governance/committees/{id}")
	CommitteeView committee(@PathVariable long id) {
		return governance.committee(id);
	}

	@GetMapping(CCG + "/meetings")
	List<MeetingSummary> meetings(@PathVariable String ccg) {
		return governance.meetings(ccg.toUpperCase());
	}

	@Operation(summary = "Create a meeting with its agenda items (governance lead)")
	@PostMapping(CCG + "/meetings")
	Created createMeeting(@PathVariable String ccg, @Valid @RequestBody NewMeeting meeting) {
		return new Created(governance.createMeeting(ccg.toUpperCase(), meeting));
	}

	@Operation(summary = "A meeting: for each item who is conflicted, the handling required, quoracy and votes")
	@GetMapping("/governance/meetings/{id}")
	MeetingView meeting(@PathVariable long id) {
		return governance.meeting(id);
	}

	@PostMapping("/governance/meetings/{id}/items")
	Created addItem(@PathVariable long id, @Valid @RequestBody NewItem item) {
		return new Created(governance.addItem(id, item));
	}

	@Operation(summary = "Record who was present")
	@PostMapping("/governance/meetings/{id}/attendance")
	MeetingView attendance(@PathVariable long id, @Valid @RequestBody Attendance attendance) {
		governance.recordAttendance(id, attendance);
		return governance.meeting(id);
	}

	@Operation(summary = "Approve the minutes, publishing them: after the meeting, once every item has its outcome")
	@PostMapping("/governance/meetings/{id}/minutes/approval")
	MeetingView approveMinutes(@PathVariable long id) {
		governance.approveMinutes(id);
		return governance.meeting(id);
	}

	@Operation(summary = "Record a declaration made on the day and its handling")
	@PostMapping("/governance/items/{id}/declarations")
	ResponseEntity<Void> declaration(@PathVariable long id, @Valid @RequestBody ItemDeclaration declaration) {
		governance.recordDeclaration(id, declaration);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Confirm (sameBody true) or dismiss a near match between a member's registered body and the item's")
	@PostMapping("/governance/items/{id}/possible-conflicts")
	ResponseEntity<Void> possibleConflict(@PathVariable long id,
			@Valid @RequestBody GovernanceRequests.PossibleConflictDecision decision) {
		governance.decidePossibleConflict(id, decision);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Record a vote; refused from a member who must not vote")
	@PostMapping("/governance/items/{id}/votes")
	ResponseEntity<Void> vote(@PathVariable long id, @Valid @RequestBody CastVote vote) {
		governance.vote(id, vote);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Record the item's outcome; an inquorate item can only be deferred or referred")
	@PostMapping("/governance/items/{id}/outcome")
	ItemView outcome(@PathVariable long id, @Valid @RequestBody Outcome outcome) {
		return governance.recordOutcome(id, outcome);
	}

	@Operation(summary = "Governing body members whose declarations of interests are overdue")
	@GetMapping(CCG + "/governing-body/overdue")
	List<GovernanceViews.PersonView> overdueGoverningBodyMembers(@PathVariable String ccg) {
		return governance.overdueGoverningBodyMembers(ccg.toUpperCase());
	}

	@Operation(summary = "Compliance of one CCG")
	@GetMapping(CCG + "/compliance")
	List<ComplianceRow> compliance(@PathVariable String ccg) {
		return governance.compliance(ccg.toUpperCase());
	}

	@Operation(summary = "Compliance of every CCG (NHS England)")
	@GetMapping("/governance/compliance")
	List<ComplianceRow> nationalCompliance() {
		return governance.compliance(null);
	}

	@Operation(summary = "Grant a duty (governance lead, guardian) to an account of the CCG")
	@PostMapping(CCG + "/duties")
	ResponseEntity<Void> grant(@PathVariable String ccg, @Valid @RequestBody DutyRequest request) {
		duties.grant(new UserDuties.DutyGrant(request.username(), request.duty(), ccg.toUpperCase()));
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "The published register of interests of a CCG: sensitive entries withheld")
	@GetMapping("/public/governance/ccgs/{ccg}/register")
	Register publishedRegister(@PathVariable String ccg) {
		return governance.publishedRegister(ccg.toUpperCase());
	}

	@Operation(summary = "The decisions register (procurement=true for the procurement decisions register)")
	@GetMapping("/public/governance/decisions")
	PageOf<DecisionRow> decisions(@RequestParam(required = false) String ccg,
			@RequestParam(defaultValue = "false") boolean procurement, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return governance.decisionPage(ccg == null || ccg.isBlank() ? null : ccg.toUpperCase(), procurement, page, size);
	}

	@Operation(summary = "A meeting's published minutes")
	@GetMapping("/public/governance/meetings/{id}/minutes")
	MeetingView minutes(@PathVariable long id) {
		return governance.publishedMinutes(id);
	}

	@Operation(summary = "The configurable values: declaration deadlines, publication period, gifts and hospitality thresholds")
	@GetMapping("/governance/settings")
	Map<String, java.math.BigDecimal> settings() {
		return governance.settings();
	}
}
