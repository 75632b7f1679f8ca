package org.cocommission.governance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
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
import org.cocommission.governance.GovernanceViews.CommitteeView;
import org.cocommission.governance.GovernanceViews.ComplianceRow;
import org.cocommission.governance.GovernanceViews.DecisionRow;
import org.cocommission.governance.GovernanceViews.GiftView;
import org.cocommission.governance.GovernanceViews.ItemView;
import org.cocommission.governance.GovernanceViews.MeetingSummary;
import org.cocommission.governance.GovernanceViews.MeetingView;
import org.cocommission.governance.GovernanceViews.PersonView;
import org.cocommission.governance.GovernanceViews.Register;
import org.cocommission.governance.committees.Committees;
import org.cocommission.governance.compliance.Compliance;
import org.cocommission.governance.interests.GiftsRegister;
import org.cocommission.governance.interests.GovernanceSettings;
import org.cocommission.governance.interests.InterestsRegister;
import org.cocommission.governance.meetings.Decisions;
import org.cocommission.governance.meetings.MeetingRecords;
import org.cocommission.governance.meetings.Meetings;
import org.cocommission.governance.people.Bodies;
import org.cocommission.governance.people.GovernanceAccess;
import org.cocommission.governance.people.People;
import org.cocommission.platform.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The governance capability's one entry point: the registers of each CCG (people and links, interests, gifts and
 * hospitality), its committees and their meetings, the public decisions registers and compliance. It checks who may
 * read; the collaborators behind it check who may change what (see {@link GovernanceAccess}) and audit every change.
 */
@Service
@Transactional
public class Governance {

	private final GovernanceAccess access;

	private final GovernanceSettings settings;

	private final People people;

	private final InterestsRegister interests;

	private final GiftsRegister gifts;

	private final Committees committees;

	private final Meetings meetings;

	private final MeetingRecords records;

	private final Decisions decisions;

	private final Compliance compliance;

	private final Directory directory;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final Bodies bodies;

	Governance(JdbcClient jdbc, GovernanceAccess access, GovernanceSettings settings, People people, InterestsRegister interests,
			GiftsRegister gifts, Committees committees, Meetings meetings, MeetingRecords records, Decisions decisions,
			Compliance compliance, Directory directory, Clock clock, Bodies bodies) {
		this.bodies = bodies;
		this.access = access;
		this.settings = settings;
		this.people = people;
		this.interests = interests;
		this.gifts = gifts;
		this.committees = committees;
		this.meetings = meetings;
		this.records = records;
		this.decisions = decisions;
		this.compliance = compliance;
		this.directory = directory;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * Refreshes the planner's statistics of the governance tables after a bulk load (demo data, imports): freshly
	 * filled tables have none, and the planner then scans them whole for every look-up.
	 */
	public void analyseAfterBulkLoad() {
		jdbc.sql("analyze governance_person, governance_person_link, governance_declaration, governance_declaration_return,"
				+ " governance_gift, governance_committee, governance_committee_member, governance_meeting,"
				+ " governance_attendance, governance_agenda_item, governance_item_organisation,"
				+ " governance_item_declaration, governance_vote, governance_item_status_history")
			.update();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")));
	}

	@Transactional(readOnly = true)
	public Map<String, BigDecimal> settings() {
		return settings.all();
	}

	@Transactional(readOnly = true)
	public DeclarationDeadlines deadlines() {
		return settings.deadlines();
	}

	@Transactional(readOnly = true)
	public GiftsAndHospitalityThresholds thresholds() {
		return settings.thresholds();
	}

	/** Whether the signed-in user may change the CCG's registers (for pages to offer the forms). */
	@Transactional(readOnly = true)
	public boolean isLead(String ccg) {
		return access.isLead(ccg);
	}

	@Transactional(readOnly = true)
	public boolean isGuardian(String ccg) {
		return access.isGuardian(ccg);
	}

	// People and their links

	public long addPerson(String ccg, NewPerson request) {
		return people.addPeople(ccg, List.of(request)).get(0);
	}

	/** Adds people to a CCG in one batch (demo data, imports). */
	public List<Long> addPeople(String ccg, List<NewPerson> requests) {
		return people.addPeople(ccg, requests);
	}

	public long addLink(String ccg, long personId, NewLink request) {
		return people.addLinks(ccg, Map.of(personId, List.of(request))).get(0);
	}

	/** Adds links of several people in one batch ({@code personId -> links}); refuses them all if any is wrong. */
	public List<Long> addLinks(String ccg, Map<Long, List<NewLink>> links) {
		return people.addLinks(ccg, links);
	}

	@Transactional(readOnly = true)
	public List<PersonView> people(String ccg) {
		access.checkRead(ccg);
		return people.people(ccg);
	}

	/**
	 * Members of the CCG's governing body whose declarations are overdue: while there are any, the CCG may not submit a
	 * co-commissioning application. Readable by whoever may read the CCG's registers.
	 */
	@Transactional(readOnly = true)
	public List<PersonView> overdueGoverningBodyMembers(String ccg) {
		access.checkRead(ccg);
		return people.overdueGoverningBodyMembers(ccg);
	}

	/** The people with a linked account whose declarations are overdue, for reminders. */
	@Transactional(readOnly = true)
	public List<PersonView> overdueWithAccounts() {
		return people.overdueWithAccounts();
	}

	@Transactional(readOnly = true)
	public boolean hasData(String ccg) {
		return people.hasData(ccg);
	}

	@Transactional(readOnly = true)
	public boolean hasAnyData() {
		return people.hasAnyData();
	}

	// Register of interests

	public long declare(String ccg, long personId, NewDeclaration request) {
		return interests.declareAll(ccg, Map.of(personId, List.of(request))).get(0);
	}

	/** Declarations of several people in one batch ({@code personId -> declarations}); each counts as a return. */
	public List<Long> declareAll(String ccg, Map<Long, List<NewDeclaration>> declarations) {
		return interests.declareAll(ccg, declarations);
	}

	/** A nil return: the person confirms they have nothing (more) to declare. */
	public void nilReturn(String ccg, long personId) {
		interests.nilReturn(ccg, personId);
	}

	/** Records past returns in one batch (demo data, imports); each is {@code personId -> returnedOn}. */
	public void recordReturns(String ccg, Map<Long, LocalDate> returns) {
		interests.recordReturns(ccg, returns);
	}

	/** The conflict of interest guardian withholds an entry from the published register, or publishes it again. */
	public void markSensitive(String ccg, long declarationId, SensitiveMarking marking) {
		interests.markSensitive(ccg, declarationId, marking);
	}

	/** The CCG's full register of interests with every person's due date (overdue flagged). */
	@Transactional(readOnly = true)
	public Register register(String ccg) {
		access.checkRead(ccg);
		return interests.register(ccg);
	}

	/** The published register: open to everyone, without sensitive entries or interests ended too long ago. */
	@Transactional(readOnly = true)
	public Register publishedRegister(String ccg) {
		return interests.publishedRegister(ccg);
	}

	// Gifts and hospitality

	public long recordGift(String ccg, long personId, NewGift request) {
		return gifts.recordGifts(ccg, Map.of(personId, List.of(request))).get(0);
	}

	/** Records gifts in one batch, {@code personId -> offers}. */
	public List<Long> recordGifts(String ccg, Map<Long, List<NewGift>> offers) {
		return gifts.recordGifts(ccg, offers);
	}

	@Transactional(readOnly = true)
	public List<GiftView> gifts(String ccg) {
		access.checkRead(ccg);
		return gifts.gifts(ccg);
	}

	// Committees and meetings

	public long createCommittee(String ccg, NewCommittee request) {
		return committees.create(ccg, request);
	}

	@Transactional(readOnly = true)
	public List<CommitteeView> committees(String ccg) {
		access.checkRead(ccg);
		return committees.committees(ccg);
	}

	@Transactional(readOnly = true)
	public CommitteeView committee(long id) {
		CommitteeView committee = committees.committee(id);
		access.checkRead(committee.ccgCode());
		return committee;
	}

	public long createMeeting(String ccg, NewMeeting request) {
		return meetings.create(ccg, request);
	}

	public long addItem(long meetingId, NewItem item) {
		return meetings.addItem(meetingId, item);
	}

	@Transactional(readOnly = true)
	public List<MeetingSummary> meetings(String ccg) {
		access.checkRead(ccg);
		return meetings.meetings(ccg);
	}

	/** The meeting with, for every item, who is conflicted, the handling required and recorded, quoracy and votes. */
	@Transactional(readOnly = true)
	public MeetingView meeting(long id) {
		Meetings.MeetingRow meeting = meetings.meetingRow(id);
		access.checkRead(meeting.ccgCode());
		return meetings.view(meeting);
	}

	public void recordAttendance(long meetingId, Attendance attendance) {
		records.recordAttendance(meetingId, attendance);
	}

	/** Approves the meeting's minutes, which publishes them: after the meeting, once every item has its outcome. */
	public void approveMinutes(long meetingId) {
		records.approveMinutes(meetingId);
	}

	/** The chair records a declaration made on the day and its handling, at least what the registers require. */
	public void recordDeclaration(long itemId, ItemDeclaration declaration) {
		records.recordDeclaration(itemId, declaration);
	}

	/** Records a vote, refusing one from a member who is absent, has no vote, or must not vote on this item. */
	public void vote(long itemId, CastVote vote) {
		records.recordVotes(itemId, List.of(vote));
	}

	/** The chair confirms or dismisses a near match between a member's registered body and one the item affects. */
	public void decidePossibleConflict(long itemId, GovernanceRequests.PossibleConflictDecision decision) {
		records.decidePossibleConflict(itemId, decision);
	}

	/** Records several votes on one item; refuses them all when any one is refused. */
	public void recordVotes(long itemId, List<CastVote> votes) {
		records.recordVotes(itemId, votes);
	}

	/** Records the item's outcome; an item not quorate after exclusions can only be deferred or referred. */
	public ItemView recordOutcome(long itemId, Outcome outcome) {
		return records.recordOutcome(itemId, outcome);
	}

	// Public registers and compliance

	/** The decisions register, or only procurement decisions; {@code ccg} null for every CCG. Public. */
	@Transactional(readOnly = true)
	public List<DecisionRow> decisions(String ccg, boolean procurementOnly) {
		return decisions.all(ccg, procurementOnly);
	}

	/** One page of the decisions register, newest first. Public. */
	@Transactional(readOnly = true)
	public PageOf<DecisionRow> decisionPage(String ccg, boolean procurementOnly, int page, int size) {
		return decisions.page(ccg, procurementOnly, page, size);
	}

	/** A meeting's minutes: open to everyone once approved. */
	@Transactional(readOnly = true)
	public MeetingView publishedMinutes(long meetingId) {
		return decisions.publishedMinutes(meetingId);
	}

	/** Compliance of one CCG (one row), or nationally ({@code ccg} null; national users only): one row per CCG. */
	@Transactional(readOnly = true)
	public List<ComplianceRow> compliance(String ccg) {
		if (ccg != null) {
			access.checkRead(ccg);
		}
		else {
			access.checkNational();
		}
		return compliance.rows(ccg);
	}

	/** The directory's names of these organisations, by code; a code it does not know names itself. Public. */
	@Transactional(readOnly = true)
	public Map<String, String> names(java.util.Collection<String> codes) {
		Map<String, String> names = new java.util.LinkedHashMap<>();
		var known = directory.refs(codes);
		codes.forEach(code -> names.put(code, known.containsKey(code) ? known.get(code).name() : code));
		return names;
	}

	/** A practice found for a meeting, and whether it is one of the CCG's own. */
	public record PracticeFound(OrganisationSummary practice, boolean own) {
	}

	/** Practices for a CCG's meeting, by code or name: the CCG's own first (issue 22: they are the likely ones). */
	@Transactional(readOnly = true)
	public List<PracticeFound> searchPractices(String ccg, String query) {
		java.util.Set<String> own = directory.children(ccg, today())
			.stream()
			.map(OrganisationSummary::code)
			.collect(java.util.stream.Collectors.toSet());
		return directory.search(query, 50)
			.stream()
			.filter(organisation -> organisation.type() == OrganisationType.GP_PRACTICE)
			.map(practice -> new PracticeFound(practice, own.contains(practice.code())))
			.sorted(java.util.Comparator.comparing((PracticeFound found) -> !found.own()))
			.limit(10)
			.toList();
	}

	/** Bodies for the type-ahead of a provider or body: the register of bodies first, then the directory. */
	@Transactional(readOnly = true)
	public List<GovernanceViews.BodyFound> searchBodies(String query) {
		return bodies.search(query, 10);
	}

	/** The body a page chose, as the type-ahead lists it: to show it chosen again when its form comes back. */
	@Transactional(readOnly = true)
	public java.util.Optional<GovernanceViews.BodyFound> describeBody(BodyChoice choice) {
		return bodies.describe(choice);
	}

	/** Practices for the affected-organisation search (code or name). */
	@Transactional(readOnly = true)
	public List<OrganisationSummary> searchPractices(String query) {
		return directory.search(query, 20)
			.stream()
			.filter(organisation -> organisation.type() == OrganisationType.GP_PRACTICE)
			.limit(10)
			.toList();
	}
}
