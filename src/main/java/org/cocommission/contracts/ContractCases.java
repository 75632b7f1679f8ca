package org.cocommission.contracts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.cocommission.contracts.cases.CaseStore;
import org.cocommission.contracts.cases.StatutoryClocks;
import org.cocommission.contracts.register.RegisterStore;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.PracticeMergers;
import org.cocommission.governance.AffectedOrganisation;
import org.cocommission.governance.CommitteeKind;
import org.cocommission.governance.DecisionRecorded;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests.NewItem;
import org.cocommission.governance.GovernanceViews.CommitteeView;
import org.cocommission.governance.GovernanceViews.MeetingView;
import org.cocommission.governance.ItemKind;
import org.cocommission.governance.ItemStatus;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contract changes as cases (docs/domain-rules.md, GP contracts, "Cases and their clocks" and "Who decides"): opened
 * with their statutory clock, acknowledged, decided by whoever held the power on the decision date, with their
 * effect on the register. Where a CCG committee decides, the case goes on its meeting's agenda through governance,
 * which excludes conflicted members and checks quoracy; its recorded outcome decides the case.
 */
@Service
@Transactional
public class ContractCases {

	private final CaseStore cases;

	private final RegisterStore register;

	private final Commissioners commissioners;

	private final Governance governance;

	private final Directory directory;

	private final ContractsAccess access;

	private final AccessPolicy policy;

	private final ApplicationEventPublisher events;

	private final PracticeMergers mergers;

	ContractCases(CaseStore cases, RegisterStore register, Commissioners commissioners, Governance governance,
			Directory directory, ContractsAccess access, AccessPolicy policy, ApplicationEventPublisher events,
			PracticeMergers mergers) {
		this.mergers = mergers;
		this.cases = cases;
		this.register = register;
		this.commissioners = commissioners;
		this.governance = governance;
		this.directory = directory;
		this.access = access;
		this.policy = policy;
		this.events = events;
	}

	/** Kinds a practice may open itself: its own applications. Notices, expiries and reviews are the commissioner's. */
	private static final Set<CaseKind> PRACTICE_APPLICATIONS = Set.of(CaseKind.LIST_CLOSURE, CaseKind.MERGER,
			CaseKind.VARIATION);

	public long open(String practiceCode, NewCase request) {
		checkCanOpen(practiceCode, request.kind());
		RegisterStore.Row contract = register.find(practiceCode)
			.orElseThrow(() -> new NoSuchElementException("No contract for " + practiceCode));
		check(practiceCode, contract, request);
		LocalDate acknowledgeBy = StatutoryClocks.acknowledgeBy(request.kind(), request.receivedOn()).orElse(null);
		LocalDate decideBy = StatutoryClocks.decideBy(request.kind(), request.receivedOn(), request.startsOn(),
				request.remedyBy(), contract.endDate()).orElse(null);
		String owner = access.actor();
		long id = cases.insert(practiceCode, request, owner, acknowledgeBy, decideBy);
		cases.event(id, owner, null, CaseStatus.RECEIVED, request.title());
		events.publishEvent(new CaseTransitioned(id, practiceCode, request.kind(), null, CaseStatus.RECEIVED,
				request.title()));
		return id;
	}

	private void checkCanOpen(String practiceCode, CaseKind kind) {
		if (ActingAs.isSystem()) {
			return;
		}
		CurrentUser user = policy.requireUser();
		policy.checkCanSee(practiceCode);
		if (user.role() == Role.PRACTICE && !PRACTICE_APPLICATIONS.contains(kind)) {
			throw new AccessDeniedException("A practice applies for list closures, mergers and variations only");
		}
	}

	/** The rules each kind of case must meet when it is opened. */
	private void check(String practiceCode, RegisterStore.Row contract, NewCase request) {
		switch (request.kind()) {
			case LIST_CLOSURE -> {
				StatutoryClocks.checkClosurePeriod(request.startsOn(), request.endsOn());
				cases.lastClosureRefusal(practiceCode).ifPresent(refused -> {
					LocalDate from = StatutoryClocks.nextApplicationFrom(refused);
					if (request.receivedOn().isBefore(from) && !request.changedCircumstances()) {
						throw new InvalidInputException("receivedOn", "A list closure was refused on " + refused
								+ ": no new application before " + from + " unless circumstances have changed");
					}
				});
			}
			case MERGER -> {
				String other = request.otherPracticeCode() == null ? "" : request.otherPracticeCode().trim().toUpperCase();
				if (other.isEmpty() || other.equals(practiceCode)) {
					throw new InvalidInputException("otherPracticeCode", "Enter the code of the practice that merges into this one");
				}
				if (register.find(other).isEmpty()) {
					throw new InvalidInputException("otherPracticeCode", "The register holds no contract for " + other);
				}
				requireEffective(request);
			}
			case VARIATION, TERMINATION -> requireEffective(request);
			case REMEDIAL_NOTICE -> {
				LocalDate earliest = StatutoryClocks.earliestRemedy(request.receivedOn());
				if (request.remedyBy() == null || request.remedyBy().isBefore(earliest)) {
					throw new InvalidInputException("remedyBy",
							"A remedial notice gives at least 28 days: remedy by " + earliest + " or later");
				}
			}
			case APMS_EXPIRY -> {
				if (contract.contractType() != ContractType.APMS || contract.endDate() == null) {
					throw new InvalidInputException("kind", "Only an APMS contract with an end date expires");
				}
			}
			case BREACH_NOTICE, PMS_REVIEW -> {
			}
		}
	}

	private static void requireEffective(NewCase request) {
		if (request.startsOn() == null) {
			throw new InvalidInputException("startsOn", "Enter the date the change takes effect");
		}
	}

	@Transactional(readOnly = true)
	public ContractCase get(long id) {
		ContractCase found = cases.find(id).orElseThrow(() -> new NoSuchElementException("No case " + id));
		access.checkCanSee(found.practiceCode());
		return found;
	}

	@Transactional(readOnly = true)
	public List<ContractCase> ofPractice(String practiceCode) {
		access.checkCanSee(practiceCode);
		return cases.ofPractice(practiceCode);
	}

	/** Open cases the viewer may see, the most pressing first. */
	@Transactional(readOnly = true)
	public List<ContractCase> open() {
		return cases.open(access.visiblePractices());
	}

	/** Acknowledges a list closure application, on the day given. */
	public void acknowledge(long id, int version, LocalDate on) {
		ContractCase current = forCommissioner(id);
		move(current, version, CaseStatus.ACKNOWLEDGED, "acknowledged_on = :on", Map.of("on", on),
				"Acknowledged on " + on);
	}

	/**
	 * Puts the case on a CCG committee meeting's agenda: only where, on the meeting's date, the CCG held joint or
	 * delegated commissioning, and only on its primary care commissioning committee. The practice and, in a merger, the
	 * closing practice are the affected organisations, so governance finds members conflicted by them.
	 */
	public long placeOnAgenda(long id, int version, long meetingId) {
		ContractCase current = forCommissioner(id);
		MeetingView meeting = governance.meeting(meetingId);
		ResponsibleCommissioner decider = commissioners.on(current.practiceCode(), meeting.heldOn());
		if (decider.body() != ResponsibleCommissioner.Body.DELEGATED_CCG_COMMITTEE
				&& decider.body() != ResponsibleCommissioner.Body.JOINT_COMMITTEE) {
			throw new InvalidInputException("meetingId", "On " + meeting.heldOn() + " the decision is for "
					+ decider.label() + ", not a CCG committee");
		}
		CommitteeView committee = governance.committee(meeting.committeeId());
		if (!meeting.ccgCode().equals(decider.ccgCode())
				|| committee.kind() != CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE) {
			throw new InvalidInputException("meetingId", "Choose a meeting of " + decider.label());
		}
		List<AffectedOrganisation> affected = new ArrayList<>();
		affected.add(new AffectedOrganisation(AffectedOrganisation.Kind.PRACTICE, current.practiceCode(), null));
		if (current.otherPracticeCode() != null) {
			affected.add(new AffectedOrganisation(AffectedOrganisation.Kind.PRACTICE, current.otherPracticeCode(), null));
		}
		long itemId = governance.addItem(meetingId, new NewItem(current.kind().label() + ": " + current.title(),
				ItemKind.DECISION, false, affected));
		move(current, version, CaseStatus.ON_AGENDA, "meeting_id = :meeting, item_id = :item",
				Map.of("meeting", meetingId, "item", itemId),
				"On the agenda of " + committee.name() + " on " + meeting.heldOn());
		return itemId;
	}

	/**
	 * Records NHS England's decision, where the CCG held neither joint nor delegated commissioning on the decision
	 * date: by a national user or the practice's area team. A committee's decision comes from its meeting instead.
	 */
	public void decide(long id, int version, boolean approved, String decision, LocalDate on) {
		ContractCase current = forCommissioner(id);
		if (on == null) {
			throw new InvalidInputException("decidedOn", "Enter the date of the decision");
		}
		ResponsibleCommissioner decider = commissioners.on(current.practiceCode(), on);
		if (current.kind().needsDecision() && decider.body() != ResponsibleCommissioner.Body.AREA_TEAM
				&& decider.body() != ResponsibleCommissioner.Body.UNKNOWN) {
			throw new InvalidInputException("decidedOn", "On " + on + " the decision is for " + decider.label()
					+ ": put the case on its meeting's agenda");
		}
		if (!ActingAs.isSystem()) {
			CurrentUser user = policy.requireUser();
			if (user.role() != Role.NATIONAL && user.role() != Role.AREA_TEAM && current.kind().needsDecision()) {
				throw new AccessDeniedException("NHS England decides this case on " + on);
			}
		}
		record(current, version, approved, decision, on, decider.label(), decider.decidingOrganisation());
	}

	/** A governance meeting decided an agenda item: if it is a case's, the case is decided (approved or rejected). */
	@EventListener
	void on(DecisionRecorded recorded) {
		if (recorded.outcome() != ItemStatus.APPROVED && recorded.outcome() != ItemStatus.REJECTED) {
			return;
		}
		cases.findByItem(recorded.itemId()).ifPresent(current -> {
			CommitteeView committee = ActingAs.system(() -> governance.committee(
					governance.meeting(recorded.meetingId()).committeeId()));
			record(current, current.version(), recorded.outcome() == ItemStatus.APPROVED, recorded.item().decision(),
					recorded.heldOn(), committee.name() + " (" + recorded.ccgCode() + ")", recorded.ccgCode());
		});
	}

	public void withdraw(long id, int version, String reason) {
		ContractCase current = get(id);
		move(current, version, CaseStatus.WITHDRAWN, "", Map.of(),
				reason == null || reason.isBlank() ? "Withdrawn" : reason.trim());
	}

	public long addDocument(long id, String fileName, String contentType, byte[] content) {
		ContractCase current = get(id);
		if (content.length == 0 || content.length > 10_000_000) {
			throw new InvalidInputException("file", "Choose a file of up to 10 MB");
		}
		long documentId = cases.addDocument(id, fileName == null || fileName.isBlank() ? "document" : fileName,
				contentType == null ? "application/octet-stream" : contentType, content, access.actor());
		cases.event(id, access.actor(), current.status(), current.status(), "Document added: " + fileName);
		return documentId;
	}

	@Transactional(readOnly = true)
	public CaseStore.StoredDocument document(long documentId) {
		CaseStore.StoredDocument document = cases.document(documentId)
			.orElseThrow(() -> new NoSuchElementException("No document " + documentId));
		get(document.caseId());
		return document;
	}

	/**
	 * The national view of contract decisions by region: each decided case counted in the region its practice belonged
	 * to on the decision date (the area team where no region is above it), by who held the power that day.
	 */
	@Transactional(readOnly = true)
	public List<RegionDecisions> decisionsByRegion() {
		Map<String, RegionDecisions> byRegion = new java.util.TreeMap<>();
		for (ContractDecision decision : cases.decisions(100_000)) {
			List<OrganisationRef> chain = directory.parentChain(decision.practiceCode(), decision.decidedOn());
			OrganisationRef region = chain.stream()
				.filter(ancestor -> ancestor.type() == OrganisationType.REGION)
				.findFirst()
				.or(() -> chain.stream()
					.filter(ancestor -> ancestor.type() == OrganisationType.AREA_TEAM)
					.findFirst())
				.orElse(null);
			String code = region == null ? "" : region.code();
			ResponsibleCommissioner.Body body = commissioners.on(decision.practiceCode(), decision.decidedOn()).body();
			byRegion.merge(code,
					new RegionDecisions(code, region == null ? "Not known" : region.name(), 0, 0, 0, 0, 0, 0)
						.add(decision.outcome() == CaseStatus.APPROVED, body),
					(a, b) -> a.add(decision.outcome() == CaseStatus.APPROVED, body));
		}
		return List.copyOf(byRegion.values());
	}

	/** The public register of contract decisions, newest first. */
	@Transactional(readOnly = true)
	public List<ContractDecision> decisions(int limit) {
		List<ContractDecision> decisions = cases.decisions(limit);
		Map<String, OrganisationRef> names = directory.refs(decisions.stream().map(ContractDecision::practiceCode).toList());
		return decisions.stream()
			.map(d -> new ContractDecision(d.caseId(), d.practiceCode(),
					names.containsKey(d.practiceCode()) ? names.get(d.practiceCode()).name() : null, d.kind(), d.title(),
					d.outcome(), d.decidedOn(), d.decision(), d.decidedBy()))
			.toList();
	}

	private ContractCase forCommissioner(long id) {
		ContractCase current = get(id);
		access.checkCanChange(current.practiceCode());
		return current;
	}

	private void record(ContractCase current, int version, boolean approved, String decision, LocalDate on,
			String decidedBy, String decidingOrg) {
		Map<String, Object> params = new HashMap<>();
		params.put("on", on);
		params.put("decision", decision == null || decision.isBlank() ? null : decision.trim());
		params.put("by", decidedBy);
		params.put("org", decidingOrg);
		move(current, version, approved ? CaseStatus.APPROVED : CaseStatus.REFUSED,
				"decided_on = :on, decision = :decision, decided_by = :by, deciding_org = :org", params,
				(approved ? "Approved" : "Refused") + " by " + decidedBy + " on " + on);
		if (approved) {
			apply(current, on);
		}
	}

	/** What an approval changes in the register, from its effective date. */
	private void apply(ContractCase approved, LocalDate decidedOn) {
		String actor = access.actor();
		switch (approved.kind()) {
			case MERGER -> {
				LocalDate effective = approved.startsOn();
				RegisterStore.Row surviving = register.find(approved.practiceCode()).orElseThrow();
				RegisterStore.Row closing = register.find(approved.otherPracticeCode()).orElseThrow();
				register.end(closing.practiceCode(), effective.minusDays(1), actor,
						"Merged into " + surviving.practiceCode() + " from "
								+ java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK).format(effective));
				int combined = (surviving.listSize() == null ? 0 : surviving.listSize())
						+ (closing.listSize() == null ? 0 : closing.listSize());
				register.combineList(surviving.practiceCode(), combined, effective, actor,
						"Merger with " + closing.practiceCode() + ": the combined list of " + combined + " patients");
				// the closing practice's successor in the directory, from the same day
				mergers.recordSuccessor(closing.practiceCode(), surviving.practiceCode(), effective);
			}
			case TERMINATION -> register.end(approved.practiceCode(), approved.startsOn(), actor,
					"Contract terminated: " + approved.title());
			case VARIATION -> register.note(approved.practiceCode(), approved.startsOn(), actor,
					"Variation: " + approved.title());
			case LIST_CLOSURE -> register.note(approved.practiceCode(), approved.startsOn(), actor,
					"List closed from " + approved.startsOn() + " to " + approved.endsOn());
			case APMS_EXPIRY, PMS_REVIEW -> register.note(approved.practiceCode(), decidedOn, actor,
					approved.kind().label() + " decided: " + approved.title());
			case REMEDIAL_NOTICE, BREACH_NOTICE -> register.note(approved.practiceCode(), decidedOn, actor,
					approved.kind().label() + " served: " + approved.title());
		}
	}

	private void move(ContractCase current, int version, CaseStatus to, String setClause, Map<String, Object> params,
			String note) {
		if (!current.status().next().contains(to)) {
			throw new InvalidInputException("status", "A case that is " + current.status().label().toLowerCase()
					+ " cannot be " + to.label().toLowerCase());
		}
		if (!cases.move(current.id(), version, to, setClause, params)) {
			throw new OptimisticLockingFailureException("The case was changed by someone else; reload it");
		}
		cases.event(current.id(), access.actor(), current.status(), to, note);
		events.publishEvent(new CaseTransitioned(current.id(), current.practiceCode(), current.kind(), current.status(),
				to, note));
	}
}
