package org.cocommission.governance.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.governance.DecisionRecorded;
import org.cocommission.governance.GovernanceRequests.Attendance;
import org.cocommission.governance.GovernanceRequests.CastVote;
import org.cocommission.governance.GovernanceRequests.ItemDeclaration;
import org.cocommission.governance.GovernanceRequests.Outcome;
import org.cocommission.governance.GovernanceRequests.PossibleConflictDecision;
import org.cocommission.governance.GovernanceViews.AttendeeView;
import org.cocommission.governance.GovernanceViews.CommitteeView;
import org.cocommission.governance.GovernanceViews.ConflictView;
import org.cocommission.governance.GovernanceViews.ItemView;
import org.cocommission.governance.GovernanceViews.MeetingView;
import org.cocommission.governance.GovernanceViews.MemberView;
import org.cocommission.governance.GovernanceViews.PossibleConflictView;
import org.cocommission.governance.Handling;
import org.cocommission.governance.ItemKind;
import org.cocommission.governance.ItemStatus;
import org.cocommission.governance.committees.Committees;
import org.cocommission.governance.meetings.Meetings.MeetingRow;
import org.cocommission.governance.people.GovernanceAccess;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.cocommission.governance.shared.GovernanceText.blank;
import static org.cocommission.governance.shared.GovernanceText.blankToNull;
import static org.cocommission.governance.shared.GovernanceText.truncate;

/**
 * What the chair records at a meeting: attendance, declarations made on the day and their handling, the votes
 * (refusing one from a member who must not vote) and each item's outcome (an item not quorate after exclusions can
 * only be deferred or referred). Together they are the minutes.
 */
@Component
@Transactional
public class MeetingRecords {

	private record ItemContext(MeetingRow meeting, CommitteeView committee, MeetingView view, ItemView item) {
	}

	private final JdbcClient jdbc;

	private final GovernanceAccess access;

	private final AuditTrail audit;

	private final Meetings meetings;

	private final Committees committees;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MeetingRecords(JdbcClient jdbc, GovernanceAccess access, AuditTrail audit, Meetings meetings, Committees committees,
			ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.meetings = meetings;
		this.committees = committees;
		this.events = events;
	}

	private ItemContext context(long itemId) {
		MeetingRow meeting = meetings.meetingOfItem(itemId);
		access.checkLead(meeting.ccgCode());
		CommitteeView committee = committees.committee(meeting.committeeId());
		MeetingView view = meetings.view(meeting, committee);
		ItemView item = view.items().stream().filter(i -> i.id() == itemId).findFirst().orElseThrow();
		return new ItemContext(meeting, committee, view, item);
	}

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	/**
	 * What happened at a meeting (attendance, declarations, votes, outcomes) is recorded on or after its day, in
	 * London: before it, nothing has happened yet. Rule: docs/domain-rules.md, "Meetings and minutes".
	 */
	void checkHeld(MeetingRow meeting, String field, String what) {
		LocalDate today = LocalDate.now(clock.withZone(LONDON));
		if (today.isBefore(meeting.heldOn())) {
			throw new InvalidInputException(field, "The meeting is on "
					+ meeting.heldOn().format(DateTimeFormatter.ofPattern("d MMMM yyyy")) + ": record " + what
					+ " on or after that day");
		}
	}

	private static void checkOpen(ItemView item) {
		if (item.status() != ItemStatus.OPEN) {
			throw new IllegalArgumentException("This item is already " + item.status().label().toLowerCase());
		}
	}

	private static MemberView member(ItemContext context, long personId) {
		return context.committee()
			.members()
			.stream()
			.filter(m -> m.personId() == personId)
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("personId", "Person " + personId + " is not a member of "
					+ context.committee().name()));
	}

	public void recordAttendance(long meetingId, Attendance attendance) {
		MeetingRow meeting = meetings.meetingRow(meetingId);
		access.checkLead(meeting.ccgCode());
		checkHeld(meeting, "present", "attendance");
		CommitteeView committee = committees.committee(meeting.committeeId());
		Set<Long> present = Set.copyOf(attendance.present() == null ? List.of() : attendance.present());
		Set<Long> members = committee.members().stream().map(MemberView::personId).collect(Collectors.toSet());
		for (Long id : present) {
			if (!members.contains(id)) {
				throw new InvalidInputException("present", "Person " + id + " is not a member of " + committee.name());
			}
		}
		Map<Long, Boolean> before = new java.util.HashMap<>();
		jdbc.sql("select person_id, present from governance_attendance where meeting_id = ?")
			.param(meetingId)
			.query(Meetings.Presence.class)
			.list()
			.forEach(presence -> before.put(presence.personId(), presence.present()));
		jdbc.sql("delete from governance_attendance where meeting_id = ?").param(meetingId).update();
		List<Long> everyone = List.copyOf(members);
		jdbc.sql("insert into governance_attendance (meeting_id, person_id, present)"
				+ " select :meeting, a.person_id, a.present from unnest(cast(:people as bigint[]), cast(:present as boolean[]))"
				+ " as a(person_id, present)")
			.param("meeting", meetingId)
			.param("people", everyone.toArray(Long[]::new))
			.param("present", everyone.stream().map(present::contains).toArray(Boolean[]::new))
			.update();
		audit.record(new AuditEntry("ATTENDANCE_RECORDED", "GOVERNANCE_MEETING", String.valueOf(meetingId),
				meeting.ccgCode(), before.isEmpty() ? null : Map.of("attendance", before), Map.of("present", present)));
	}

	/**
	 * The committee approves the minutes, which publishes them: on or after the meeting's day, once every item has its
	 * outcome. Rule: docs/domain-rules.md, "Meetings and minutes".
	 */
	public void approveMinutes(long meetingId) {
		MeetingRow meeting = meetings.meetingRow(meetingId);
		access.checkLead(meeting.ccgCode());
		checkHeld(meeting, "minutes", "the minutes' approval");
		if (meeting.minutesApprovedOn() != null) {
			throw new IllegalArgumentException("The minutes were approved on "
					+ meeting.minutesApprovedOn().format(DateTimeFormatter.ofPattern("d MMMM yyyy")));
		}
		MeetingView view = meetings.view(meeting);
		if (!view.everyItemClosed()) {
			throw new InvalidInputException("minutes", "Record the outcome of every item before approving the minutes");
		}
		LocalDate today = LocalDate.now(clock.withZone(LONDON));
		jdbc.sql("update governance_meeting set minutes_approved_on = ?, minutes_approved_by = ? where id = ?")
			.params(today, access.actor(), meetingId)
			.update();
		audit.record(new AuditEntry("MINUTES_APPROVED", "GOVERNANCE_MEETING", String.valueOf(meetingId),
				meeting.ccgCode(), null, Map.of("approvedOn", today)));
	}

	/** The chair records a declaration made on the day and its handling, at least what the registers require. */
	public void recordDeclaration(long itemId, ItemDeclaration declaration) {
		ItemContext context = context(itemId);
		checkOpen(context.item());
		checkHeld(context.meeting(), "personId", "declarations made on the day");
		MemberView member = member(context, declaration.personId());
		if (declaration.handling() == null || blank(declaration.interest())) {
			throw new InvalidInputException(blank(declaration.interest()) ? "interest" : "handling",
					"Describe the interest declared and choose how it is handled");
		}
		Optional<ConflictView> computed = context.item().conflicts().stream()
			.filter(conflict -> conflict.personId() == member.personId())
			.findFirst();
		if (computed.isPresent() && declaration.handling().ordinal() < computed.get().requiredHandling().ordinal()) {
			throw new InvalidInputException("handling", member.name() + "'s interests require: "
					+ computed.get().requiredHandling().label().toLowerCase());
		}
		// An interest not on the registers can only have been declared on the day.
		upsertDeclaration(itemId, member.personId(), declaration.interest(), declaration.handling(), computed.isEmpty());
		audit.record(new AuditEntry("ITEM_DECLARATION_RECORDED", "GOVERNANCE_ITEM", String.valueOf(itemId),
				context.meeting().ccgCode(), computed.orElse(null), declaration));
	}

	private void upsertDeclaration(long itemId, long personId, String interest, Handling handling, boolean onTheDay) {
		jdbc.sql("insert into governance_item_declaration (item_id, person_id, interest, handling, on_the_day, recorded_by)"
				+ " values (?, ?, ?, ?, ?, ?) on conflict (item_id, person_id) do update set interest = excluded.interest,"
				+ " handling = excluded.handling, recorded_by = excluded.recorded_by, recorded_at = now()")
			.params(itemId, personId, truncate(interest, 500), handling.name(), onTheDay, access.actor())
			.update();
	}

	/**
	 * The chair says whether a member's registered body and a body the item affects, named alike, are the same body:
	 * confirmed, it is a conflict handled as the registers require; dismissed, it is not. Recorded with who decided.
	 */
	public void decidePossibleConflict(long itemId, PossibleConflictDecision decision) {
		ItemContext context = context(itemId);
		checkOpen(context.item());
		PossibleConflictView possible = context.item()
			.possibleConflicts()
			.stream()
			.filter(near -> near.personId() == decision.personId() && near.registered().equals(decision.registered())
					&& near.affected().equals(decision.affected()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("sameBody",
					"That is no longer a possible conflict on this item: reload the page"));
		jdbc.sql("insert into governance_possible_conflict (item_id, person_id, registered, affected, same_body, decided_by)"
				+ " values (?, ?, ?, ?, ?, ?) on conflict (item_id, person_id, registered, affected) do update"
				+ " set same_body = excluded.same_body, decided_by = excluded.decided_by, decided_at = now()")
			.params(itemId, possible.personId(), possible.registered(), possible.affected(), decision.sameBody(),
					access.actor())
			.update();
		audit.record(new AuditEntry(decision.sameBody() ? "POSSIBLE_CONFLICT_CONFIRMED" : "POSSIBLE_CONFLICT_DISMISSED",
				"GOVERNANCE_ITEM", String.valueOf(itemId), context.meeting().ccgCode(), possible, decision));
	}

	/** Records several votes on one item; refuses them all when any one is refused. */
	public void recordVotes(long itemId, List<CastVote> votes) {
		ItemContext context = context(itemId);
		checkOpen(context.item());
		if (context.item().kind() != ItemKind.DECISION) {
			throw new IllegalArgumentException("Only decision items are voted on");
		}
		checkHeld(context.meeting(), "personId", "votes");
		List<AuditEntry> entries = new ArrayList<>();
		for (CastVote vote : votes) {
			checkVote(context, vote);
			entries.add(new AuditEntry("VOTE_RECORDED", "GOVERNANCE_ITEM", String.valueOf(itemId),
					context.meeting().ccgCode(), null, vote));
		}
		jdbc.sql("insert into governance_vote (item_id, person_id, vote)"
				+ " select :item, v.person_id, v.vote from unnest(cast(:people as bigint[]), cast(:votes as varchar[]))"
				+ " as v(person_id, vote) on conflict (item_id, person_id) do update set vote = excluded.vote")
			.param("item", itemId)
			.param("people", votes.stream().map(CastVote::personId).toArray(Long[]::new))
			.param("votes", votes.stream().map(vote -> vote.vote().name()).toArray(String[]::new))
			.update();
		audit.recordAll(entries);
	}

	private static void checkVote(ItemContext context, CastVote vote) {
		if (vote.vote() == null) {
			throw new InvalidInputException("vote", "Choose for, against or abstain");
		}
		MemberView member = member(context, vote.personId());
		if (!member.voting()) {
			throw new InvalidInputException("personId", member.name() + " is a non-voting member and cannot vote");
		}
		if (context.view().attendanceRecorded() && context.view().attendees().stream()
			.noneMatch(a -> a.personId() == member.personId() && Boolean.TRUE.equals(a.present()))) {
			throw new InvalidInputException("personId", member.name() + " is not recorded as present");
		}
		context.item().undecided().stream().filter(near -> near.personId() == member.personId()).findFirst()
			.ifPresent(near -> {
				throw new InvalidInputException("personId", "Decide first whether " + member.name() + "'s interest in \""
						+ near.registered() + "\" is in \"" + near.affected() + "\", the body this item affects");
			});
		Optional<ConflictView> conflict = context.item().conflicts().stream()
			.filter(c -> c.personId() == member.personId())
			.findFirst();
		if (conflict.isPresent() && !conflict.get().effectiveHandling().mayVote()) {
			throw new InvalidInputException("personId", member.name() + " may not vote on this item: " + conflict.get().interests()
					+ " (" + conflict.get().effectiveHandling().label().toLowerCase() + ")");
		}
	}

	/**
	 * Records the item's outcome. Conflicts found from the registers and not yet recorded are recorded as declared at
	 * the start and handled as required, so the minutes always show how each was managed.
	 */
	public ItemView recordOutcome(long itemId, Outcome outcome) {
		ItemContext context = context(itemId);
		ItemView item = context.item();
		checkHeld(context.meeting(), "outcome", "its outcome");
		if (item.version() != outcome.version()) {
			throw new OptimisticLockingFailureException("Item " + itemId + " was changed by someone else");
		}
		ItemStatus next = item.status().close(outcome.outcome(), item.kind(), item.quorum().quorate(), outcome.referredTo());
		if (!item.undecided().isEmpty()) {
			PossibleConflictView near = item.undecided().get(0);
			throw new InvalidInputException("outcome", "Decide first whether " + near.name() + "'s interest in \""
					+ near.registered() + "\" is in \"" + near.affected() + "\", the body this item affects");
		}
		if ((next == ItemStatus.APPROVED || next == ItemStatus.REJECTED) && blank(outcome.decision())) {
			throw new InvalidInputException("decision", "Record the decision taken");
		}
		Set<Long> present = context.view().attendanceRecorded() ? context.view().attendees().stream()
			.filter(a -> Boolean.TRUE.equals(a.present()))
			.map(AttendeeView::personId)
			.collect(Collectors.toSet()) : null;
		List<ConflictView> unrecorded = item.conflicts()
			.stream()
			.filter(c -> c.recordedHandling() == null && (present == null || present.contains(c.personId())))
			.toList();
		if (!unrecorded.isEmpty()) {
			jdbc.sql("insert into governance_item_declaration (item_id, person_id, interest, handling, on_the_day, recorded_by)"
					+ " select :item, d.person_id, d.interest, d.handling, false, :actor"
					+ " from unnest(cast(:people as bigint[]), cast(:interests as varchar[]), cast(:handlings as varchar[]))"
					+ " as d(person_id, interest, handling)")
				.param("item", itemId)
				.param("actor", access.actor())
				.param("people", unrecorded.stream().map(ConflictView::personId).toArray(Long[]::new))
				.param("interests", unrecorded.stream().map(c -> truncate(c.interests(), 500)).toArray(String[]::new))
				.param("handlings", unrecorded.stream().map(c -> c.requiredHandling().name()).toArray(String[]::new))
				.update();
		}
		String referredTo = next == ItemStatus.REFERRED ? outcome.referredTo().trim() : null;
		int updated = jdbc.sql("update governance_agenda_item set status = ?, decision = ?, referred_to = ?, quorate = ?,"
				+ " version = version + 1 where id = ? and version = ?")
			.params(next.name(), blankToNull(outcome.decision()), referredTo, item.quorum().quorate(), itemId,
					outcome.version())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("Item " + itemId + " was changed by someone else");
		}
		meetings.history(itemId, next, outcome.decision());
		ItemView after = new ItemView(item.id(), item.position(), item.title(), item.kind(), item.procurement(),
				item.affected(), next, blankToNull(outcome.decision()), referredTo, item.conflicts()
					.stream()
					.map(c -> c.recordedHandling() == null && (present == null || present.contains(c.personId()))
							? new ConflictView(c.personId(), c.name(), c.role(), c.voting(), c.interests(),
									c.requiredHandling(), c.requiredHandling(), false)
							: c)
					.toList(),
				item.quorum(), item.votes(), item.version() + 1, item.possibleConflicts());
		events.publishEvent(new DecisionRecorded(context.meeting().ccgCode(), context.meeting().id(),
				context.meeting().heldOn(), after, item));
		return after;
	}
}
