package org.cocommission.governance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.governance.ConflictDetection.Conflict;
import org.cocommission.governance.ConflictDetection.MemberInterests;
import org.cocommission.governance.GovernanceRequests.Attendance;
import org.cocommission.governance.GovernanceRequests.CastVote;
import org.cocommission.governance.GovernanceRequests.CommitteeMember;
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
import org.cocommission.governance.GovernanceViews.AttendeeView;
import org.cocommission.governance.GovernanceViews.CommitteeView;
import org.cocommission.governance.GovernanceViews.ComplianceRow;
import org.cocommission.governance.GovernanceViews.ConflictView;
import org.cocommission.governance.GovernanceViews.DecisionRow;
import org.cocommission.governance.GovernanceViews.DeclarationView;
import org.cocommission.governance.GovernanceViews.GiftView;
import org.cocommission.governance.GovernanceViews.ItemView;
import org.cocommission.governance.GovernanceViews.LinkView;
import org.cocommission.governance.GovernanceViews.MeetingSummary;
import org.cocommission.governance.GovernanceViews.MeetingView;
import org.cocommission.governance.GovernanceViews.MemberView;
import org.cocommission.governance.GovernanceViews.PersonView;
import org.cocommission.governance.GovernanceViews.Register;
import org.cocommission.governance.GovernanceViews.VoteView;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Duty;
import org.cocommission.identity.UserAccounts;
import org.cocommission.platform.Money;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The governance registers of each CCG and its committee meetings. Reading: anyone who can see the CCG; changing
 * the registers, committees and meetings: the CCG's governance lead; a person's own declarations and gifts: that
 * person too; marking entries sensitive: the CCG's conflict of interest guardian. Work nobody signed in for (demo
 * data at start-up) runs as the system. The public reads only the published registers.
 */
@Service
@Transactional
public class Governance {

	private static final String PERSON = "GOVERNANCE_PERSON";

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final Directory directory;

	private final Clock clock;

	private final UserAccounts accounts;

	Governance(JdbcClient jdbc, AccessPolicy policy, AuditTrail audit, Directory directory, Clock clock,
			UserAccounts accounts) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.policy = policy;
		this.audit = audit;
		this.directory = directory;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	// ---------------------------------------------------------------- settings

	@Transactional(readOnly = true)
	public Map<String, BigDecimal> settings() {
		Map<String, BigDecimal> settings = new LinkedHashMap<>();
		jdbc.sql("select name, value from governance_setting order by name")
			.query(rs -> {
				settings.put(rs.getString(1), rs.getBigDecimal(2));
			});
		return settings;
	}

	public DeclarationDeadlines deadlines() {
		Map<String, BigDecimal> settings = settings();
		return new DeclarationDeadlines(settings.get("declaration_due_days").intValue(),
				settings.get("renewal_months").intValue());
	}

	public GiftsAndHospitalityThresholds thresholds() {
		Map<String, BigDecimal> settings = settings();
		return new GiftsAndHospitalityThresholds(new Money(settings.get("supplier_gift_limit")),
				new Money(settings.get("gift_declaration_from")), new Money(settings.get("hospitality_declaration_from")),
				new Money(settings.get("hospitality_refusal_above")));
	}

	// ---------------------------------------------------------------- access

	/** Nobody signed in and no anonymous web request: start-up or a scheduled job. */
	private static boolean isSystem() {
		return SecurityContextHolder.getContext().getAuthentication() == null;
	}

	void checkRead(String ccg) {
		if (!isSystem()) {
			policy.checkCanSee(ccg);
		}
	}

	void checkLead(String ccg) {
		if (isSystem()) {
			return;
		}
		CurrentUser user = policy.requireUser();
		if (!policy.hasDuty(user, Duty.GOVERNANCE_LEAD, ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s governance lead may change its registers");
		}
	}

	/** Whether the signed-in user may change the CCG's registers (for pages to offer the forms). */
	@Transactional(readOnly = true)
	public boolean isLead(String ccg) {
		return policy.hasDuty(Duty.GOVERNANCE_LEAD, ccg);
	}

	@Transactional(readOnly = true)
	public boolean isGuardian(String ccg) {
		return policy.hasDuty(Duty.CONFLICT_OF_INTEREST_GUARDIAN, ccg);
	}

	/** A person changes their own declarations; the CCG's governance lead changes anyone's in the CCG. */
	private void checkOwnOrLead(PersonRow person) {
		if (isSystem()) {
			return;
		}
		CurrentUser user = policy.requireUser();
		boolean own = person.username() != null && person.username().equals(user.username());
		if (!own && !policy.hasDuty(user, Duty.GOVERNANCE_LEAD, person.ccgCode())) {
			throw new AccessDeniedException("You may change only your own declarations");
		}
	}

	// ---------------------------------------------------------------- people

	record PersonRow(long id, String ccgCode, String name, MemberRole role, boolean voting, String title,
			String username, LocalDate joinedOn, int version) {
	}

	private static PersonRow personRow(ResultSet rs, int row) throws SQLException {
		return new PersonRow(rs.getLong("id"), rs.getString("ccg_code"), rs.getString("name"),
				MemberRole.valueOf(rs.getString("role")), rs.getBoolean("voting"), rs.getString("title"),
				rs.getString("username"), rs.getObject("joined_on", LocalDate.class), rs.getInt("version"));
	}

	private PersonRow person(long id) {
		return jdbc.sql("select * from governance_person where id = ?")
			.param(id)
			.query(Governance::personRow)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No person " + id));
	}

	/** The person, refused as not found unless they belong to {@code ccg}. */
	private PersonRow personOf(String ccg, long id) {
		PersonRow person = person(id);
		if (!person.ccgCode().equals(ccg)) {
			throw new IllegalArgumentException(person.name() + " belongs to CCG " + person.ccgCode() + ", not " + ccg);
		}
		return person;
	}

	public long addPerson(String ccg, NewPerson request) {
		checkLead(ccg);
		return addPeople(ccg, List.of(request)).get(0);
	}

	/** Adds people to a CCG in one batch (demo data, imports). */
	public List<Long> addPeople(String ccg, List<NewPerson> requests) {
		checkLead(ccg);
		checkCcg(ccg);
		List<Long> ids = new ArrayList<>();
		List<AuditEntry> entries = new ArrayList<>();
		for (NewPerson request : requests) {
			if (request.name() == null || request.name().isBlank()) {
				throw new IllegalArgumentException("A person needs a name");
			}
			if (request.role() == null) {
				throw new IllegalArgumentException("Choose " + request.name() + "'s role");
			}
			boolean voting = request.voting() != null ? request.voting() : request.role().votingByDefault();
			LocalDate joined = request.joinedOn() != null ? request.joinedOn() : today();
			String username = blankToNull(request.username());
			if (username != null) {
				String accountOrganisation = accounts.find(username)
					.orElseThrow(() -> new IllegalArgumentException("No account called " + request.username()))
					.organisationCode();
				if (!accountOrganisation.equals(ccg)) {
					throw new IllegalArgumentException("Account " + username + " belongs to " + accountOrganisation
							+ ", not " + ccg);
				}
			}
			long id = jdbc.sql("insert into governance_person (ccg_code, name, role, voting, title, username, joined_on)"
					+ " values (?, ?, ?, ?, ?, ?, ?) returning id")
				.params(ccg, request.name().trim(), request.role().name(), voting, blankToNull(request.title()), username,
						joined)
				.query(Long.class)
				.single();
			ids.add(id);
			entries.add(new AuditEntry("PERSON_ADDED", PERSON, String.valueOf(id), ccg, null, request));
		}
		audit.recordAll(entries);
		return ids;
	}

	public long addLink(String ccg, long personId, NewLink request) {
		return addLinks(ccg, Map.of(personId, List.of(request))).get(0);
	}

	/** Adds links of several people in one batch ({@code personId -> links}); refuses them all if any is wrong. */
	public List<Long> addLinks(String ccg, Map<Long, List<NewLink>> links) {
		List<Long> ids = new ArrayList<>();
		List<AuditEntry> entries = new ArrayList<>();
		for (Map.Entry<Long, List<NewLink>> entry : links.entrySet()) {
			checkOwnOrLead(personOf(ccg, entry.getKey()));
			for (NewLink request : entry.getValue()) {
				if (request.relationship() == null) {
					throw new IllegalArgumentException("Choose the relationship to the organisation");
				}
				String code = checkOrganisation(request.organisationCode(), request.bodyName());
				new Interest(InterestCategory.FINANCIAL, code, request.bodyName(), "link",
						required(request.from(), "start date"), request.to());
				long id = jdbc.sql("insert into governance_person_link (person_id, relationship, organisation_code, body_name,"
						+ " relative, valid_from, valid_to) values (?, ?, ?, ?, ?, ?, ?) returning id")
					.params(entry.getKey(), request.relationship().name(), code, blankToNull(request.bodyName()),
							blankToNull(request.relative()), request.from(), request.to())
					.query(Long.class)
					.single();
				ids.add(id);
				entries.add(new AuditEntry("LINK_ADDED", "GOVERNANCE_LINK", String.valueOf(id), ccg, null, request));
			}
		}
		audit.recordAll(entries);
		return ids;
	}

	@Transactional(readOnly = true)
	public List<PersonView> people(String ccg) {
		checkRead(ccg);
		return peopleOf(ccg);
	}

	private List<PersonView> peopleOf(String ccg) {
		DeclarationDeadlines deadlines = deadlines();
		LocalDate today = today();
		Map<Long, List<LinkView>> links = new HashMap<>();
		jdbc.sql("select l.*, o.name as organisation_name from governance_person_link l"
				+ " join governance_person p on p.id = l.person_id"
				+ " left join directory_organisation o on o.code = l.organisation_code"
				+ " where p.ccg_code = ? order by l.valid_from, l.id")
			.param(ccg)
			.query(rs -> {
				links.computeIfAbsent(rs.getLong("person_id"), id -> new ArrayList<>())
					.add(new LinkView(rs.getLong("id"), LinkRelationship.valueOf(rs.getString("relationship")),
							rs.getString("organisation_code"), rs.getString("organisation_name"),
							rs.getString("body_name"), rs.getString("relative"),
							rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)));
			});
		return jdbc.sql("""
				select p.*,
				  (select max(r.returned_on) from governance_declaration_return r where r.person_id = p.id) as last_return,
				  greatest(
				    (select max(d.valid_from) from governance_declaration d where d.person_id = p.id),
				    (select max(l.valid_from) from governance_person_link l where l.person_id = p.id)) as latest_interest
				from governance_person p where p.ccg_code = ? order by p.role, p.name
				""")
			.param(ccg)
			.query((rs, row) -> {
				PersonRow person = personRow(rs, row);
				LocalDate lastReturn = rs.getObject("last_return", LocalDate.class);
				LocalDate due = deadlines.dueOn(person.joinedOn(), lastReturn,
						rs.getObject("latest_interest", LocalDate.class));
				return new PersonView(person.id(), ccg, person.name(), person.role(), person.voting(), person.title(),
						person.username(), person.joinedOn(), lastReturn, due, deadlines.isOverdue(due, today),
						links.getOrDefault(person.id(), List.of()));
			})
			.list();
	}

	// ---------------------------------------------------------------- declarations

	public long declare(String ccg, long personId, NewDeclaration request) {
		return declareAll(ccg, Map.of(personId, List.of(request))).get(0);
	}

	/** Declarations of several people in one batch ({@code personId -> declarations}); each counts as a return. */
	public List<Long> declareAll(String ccg, Map<Long, List<NewDeclaration>> declarations) {
		List<Long> ids = new ArrayList<>();
		List<AuditEntry> entries = new ArrayList<>();
		for (Map.Entry<Long, List<NewDeclaration>> entry : declarations.entrySet()) {
			checkOwnOrLead(personOf(ccg, entry.getKey()));
			for (NewDeclaration request : entry.getValue()) {
				if (request.category() == null) {
					throw new IllegalArgumentException("Choose the category of interest");
				}
				if (request.description() == null || request.description().isBlank()) {
					throw new IllegalArgumentException("Describe the interest");
				}
				String code = checkOrganisation(request.organisationCode(), request.bodyName());
				new Interest(request.category(), code, request.bodyName(), request.description(),
						required(request.from(), "start date"), request.to());
				long id = jdbc.sql("insert into governance_declaration (person_id, category, description, organisation_code,"
						+ " body_name, valid_from, valid_to, action_taken, declared_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
						+ " returning id")
					.params(entry.getKey(), request.category().name(), request.description().trim(), code,
							blankToNull(request.bodyName()), request.from(), request.to(), blankToNull(request.actionTaken()),
							today())
					.query(Long.class)
					.single();
				ids.add(id);
				entries.add(new AuditEntry("INTEREST_DECLARED", "GOVERNANCE_DECLARATION", String.valueOf(id), ccg, null,
						request));
			}
			recordReturn(entry.getKey(), false);
		}
		audit.recordAll(entries);
		return ids;
	}

	/** A nil return: the person confirms they have nothing (more) to declare. */
	public void nilReturn(String ccg, long personId) {
		PersonRow person = personOf(ccg, personId);
		checkOwnOrLead(person);
		recordReturn(personId, true);
		audit.record(new AuditEntry("NIL_RETURN", PERSON, String.valueOf(personId), ccg, null,
				Map.of("returnedOn", today().toString())));
	}

	/** Records past returns in one batch (demo data); each is {@code personId -> returnedOn}. */
	public void recordReturns(String ccg, Map<Long, LocalDate> returns) {
		checkLead(ccg);
		for (Map.Entry<Long, LocalDate> entry : returns.entrySet()) {
			jdbc.sql("insert into governance_declaration_return (person_id, returned_on, nil, recorded_by) values (?, ?, false, ?)")
				.params(entry.getKey(), entry.getValue(), actor())
				.update();
		}
		audit.record(new AuditEntry("RETURNS_RECORDED", PERSON, ccg, ccg, null, Map.of("returns", returns.size())));
	}

	private void recordReturn(long personId, boolean nil) {
		jdbc.sql("insert into governance_declaration_return (person_id, returned_on, nil, recorded_by) values (?, ?, ?, ?)")
			.params(personId, today(), nil, actor())
			.update();
	}

	/** The conflict of interest guardian withholds an entry from the published register, or publishes it again. */
	public void markSensitive(String ccg, long declarationId, SensitiveMarking marking) {
		DeclarationView before = declaration(declarationId);
		PersonRow person = personOf(ccg, before.personId());
		if (!isSystem() && !policy.hasDuty(Duty.CONFLICT_OF_INTEREST_GUARDIAN, person.ccgCode())) {
			throw new AccessDeniedException("Only " + ccg + "'s conflict of interest guardian may mark entries sensitive");
		}
		if (marking.sensitive() && (marking.reason() == null || marking.reason().isBlank())) {
			throw new IllegalArgumentException("Give the reason the entry is withheld from the published register");
		}
		int updated = jdbc.sql("update governance_declaration set sensitive = ?, sensitive_reason = ?,"
				+ " sensitive_decided_by = ?, sensitive_decided_at = now(), version = version + 1"
				+ " where id = ? and version = ?")
			.params(marking.sensitive(), blankToNull(marking.reason()), actor(), declarationId, marking.version())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("Declaration " + declarationId + " was changed by someone else");
		}
		audit.record(new AuditEntry(marking.sensitive() ? "MARKED_SENSITIVE" : "MARKED_NOT_SENSITIVE",
				"GOVERNANCE_DECLARATION", String.valueOf(declarationId), ccg, before, declaration(declarationId)));
	}

	private static final String DECLARATION_SELECT = "select d.*, p.name as person_name, p.role as person_role,"
			+ " p.ccg_code from governance_declaration d join governance_person p on p.id = d.person_id";

	private DeclarationView declaration(long id) {
		return jdbc.sql(DECLARATION_SELECT + " where d.id = ?")
			.param(id)
			.query(Governance::declarationView)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No declaration " + id));
	}

	private static DeclarationView declarationView(ResultSet rs, int row) throws SQLException {
		return new DeclarationView(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
				MemberRole.valueOf(rs.getString("person_role")), InterestCategory.valueOf(rs.getString("category")),
				rs.getString("description"), rs.getString("organisation_code"), rs.getString("body_name"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getString("action_taken"), rs.getObject("declared_on", LocalDate.class), rs.getBoolean("sensitive"),
				rs.getString("sensitive_reason"), rs.getString("sensitive_decided_by"), rs.getInt("version"));
	}

	/** The CCG's full register of interests with every person's due date (overdue flagged). */
	@Transactional(readOnly = true)
	public Register register(String ccg) {
		checkRead(ccg);
		checkCcg(ccg);
		List<PersonView> people = peopleOf(ccg);
		List<DeclarationView> declarations = jdbc.sql(DECLARATION_SELECT + " where p.ccg_code = ? order by p.name, d.valid_from")
			.param(ccg)
			.query(Governance::declarationView)
			.list();
		return new Register(ccg, people, declarations, people.stream().filter(PersonView::overdue).count(),
				declarations.stream().filter(DeclarationView::sensitive).count());
	}

	/**
	 * The published register: entries not marked sensitive, current or ended within the configured months (kept
	 * public 6 months after they end). Open to everyone.
	 */
	@Transactional(readOnly = true)
	public Register publishedRegister(String ccg) {
		checkCcg(ccg);
		int months = settings().get("published_after_end_months").intValue();
		LocalDate endedAfter = today().minusMonths(months);
		List<DeclarationView> all = jdbc.sql(DECLARATION_SELECT + " where p.ccg_code = ? order by p.name, d.valid_from")
			.param(ccg)
			.query(Governance::declarationView)
			.list();
		List<DeclarationView> shown = all.stream()
			.filter(entry -> !entry.sensitive())
			.filter(entry -> entry.to() == null || !entry.to().isBefore(endedAfter))
			.map(entry -> new DeclarationView(entry.id(), entry.personId(), entry.personName(), entry.role(),
					entry.category(), entry.description(), entry.organisationCode(), entry.bodyName(), entry.from(),
					entry.to(), entry.actionTaken(), entry.declaredOn(), false, null, null, entry.version()))
			.toList();
		return new Register(ccg, List.of(), shown, 0, all.stream().filter(DeclarationView::sensitive).count());
	}

	// ---------------------------------------------------------------- gifts and hospitality

	public long recordGift(String ccg, long personId, NewGift request) {
		return recordGifts(ccg, Map.of(personId, List.of(request))).get(0);
	}

	/** Records gifts in one batch (demo data), {@code personId -> offers}. */
	public List<Long> recordGifts(String ccg, Map<Long, List<NewGift>> gifts) {
		List<Long> ids = new ArrayList<>();
		List<AuditEntry> entries = new ArrayList<>();
		for (Map.Entry<Long, List<NewGift>> entry : gifts.entrySet()) {
			checkOwnOrLead(personOf(ccg, entry.getKey()));
			for (NewGift gift : entry.getValue()) {
				if (gift.kind() == null || gift.value() == null || gift.offeredOn() == null || blank(gift.offeredBy())
						|| blank(gift.description())) {
					throw new IllegalArgumentException("A gift or hospitality needs its kind, who offered it, what it was, its value and date");
				}
				if (gift.value().isNegative()) {
					throw new IllegalArgumentException("A value cannot be negative");
				}
				long id = jdbc.sql("insert into governance_gift (person_id, kind, from_supplier, offered_by, description,"
						+ " value, offered_on, accepted, senior_approval) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
					.params(entry.getKey(), gift.kind().name(), gift.fromSupplier(), gift.offeredBy().trim(),
							gift.description().trim(), gift.value().pounds(), gift.offeredOn(), gift.accepted(),
							gift.approvedBySenior())
					.query(Long.class)
					.single();
				ids.add(id);
				entries.add(new AuditEntry("GIFT_RECORDED", "GOVERNANCE_GIFT", String.valueOf(id), ccg, null, gift));
			}
		}
		audit.recordAll(entries);
		return ids;
	}

	@Transactional(readOnly = true)
	public List<GiftView> gifts(String ccg) {
		checkRead(ccg);
		checkCcg(ccg);
		GiftsAndHospitalityThresholds thresholds = thresholds();
		return jdbc.sql("select g.*, p.name as person_name from governance_gift g join governance_person p on p.id = g.person_id"
				+ " where p.ccg_code = ? order by g.offered_on desc, g.id desc")
			.param(ccg)
			.query((rs, row) -> {
				var kind = GiftsAndHospitalityThresholds.GiftKind.valueOf(rs.getString("kind"));
				Money value = new Money(rs.getBigDecimal("value"));
				var assessment = thresholds.assess(kind, rs.getBoolean("from_supplier"), value,
						rs.getBoolean("accepted"), rs.getBoolean("senior_approval"));
				return new GiftView(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"), kind,
						rs.getBoolean("from_supplier"), rs.getString("offered_by"), rs.getString("description"), value,
						rs.getObject("offered_on", LocalDate.class), rs.getBoolean("accepted"),
						rs.getBoolean("senior_approval"), assessment.declarationRequired(),
						assessment.acceptanceAllowed(), assessment.flag());
			})
			.list();
	}

	// ---------------------------------------------------------------- committees

	public long createCommittee(String ccg, NewCommittee request) {
		checkLead(ccg);
		checkCcg(ccg);
		if (blank(request.name()) || request.kind() == null) {
			throw new IllegalArgumentException("A committee needs a name and a kind");
		}
		boolean primaryCare = request.kind() == CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE;
		boolean majority = request.layExecutiveMajority() != null ? request.layExecutiveMajority() : primaryCare;
		boolean layChair = request.layChair() != null ? request.layChair() : primaryCare;
		if (primaryCare && !layChair) {
			throw new IllegalArgumentException("A primary care commissioning committee must have a lay chair");
		}
		new QuorumRule(request.minVotingPresent(), request.minLay(), request.minGp(), request.minExecutive(), majority);
		List<CommitteeMember> members = request.members() == null ? List.of() : request.members();
		Map<Long, PersonRow> people = new HashMap<>();
		for (CommitteeMember member : members) {
			people.put(member.personId(), personOf(ccg, member.personId()));
		}
		checkChair(request.chairId(), people, layChair, "chair");
		checkChair(request.viceChairId(), people, false, "vice-chair");
		long id = jdbc.sql("insert into governance_committee (ccg_code, name, kind, min_voting_present, min_lay, min_gp,"
				+ " min_executive, lay_executive_majority, lay_chair, chair_id, vice_chair_id)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
			.params(ccg, request.name().trim(), request.kind().name(), request.minVotingPresent(), request.minLay(),
					request.minGp(), request.minExecutive(), majority, layChair, request.chairId(), request.viceChairId())
			.query(Long.class)
			.single();
		for (CommitteeMember member : members) {
			PersonRow person = people.get(member.personId());
			boolean voting = member.voting() != null ? member.voting() : person.voting();
			jdbc.sql("insert into governance_committee_member (committee_id, person_id, voting) values (?, ?, ?)")
				.params(id, member.personId(), voting)
				.update();
		}
		audit.record(new AuditEntry("COMMITTEE_CREATED", "GOVERNANCE_COMMITTEE", String.valueOf(id), ccg, null, request));
		return id;
	}

	private static void checkChair(Long chairId, Map<Long, PersonRow> members, boolean mustBeLay, String what) {
		if (chairId == null) {
			return;
		}
		PersonRow chair = members.get(chairId);
		if (chair == null) {
			throw new IllegalArgumentException("The " + what + " must be a member of the committee");
		}
		if (mustBeLay && chair.role() != MemberRole.LAY_MEMBER) {
			throw new IllegalArgumentException("The chair must be a lay member; " + chair.name() + " is a "
					+ chair.role().label().toLowerCase());
		}
	}

	@Transactional(readOnly = true)
	public List<CommitteeView> committees(String ccg) {
		checkRead(ccg);
		return jdbc.sql("select id from governance_committee where ccg_code = ? order by kind, name")
			.param(ccg)
			.query(Long.class)
			.list()
			.stream()
			.map(this::committeeView)
			.toList();
	}

	@Transactional(readOnly = true)
	public CommitteeView committee(long id) {
		CommitteeView committee = committeeView(id);
		checkRead(committee.ccgCode());
		return committee;
	}

	private CommitteeView committeeView(long id) {
		List<MemberView> members = jdbc.sql("select p.id, p.name, p.role, m.voting from governance_committee_member m"
				+ " join governance_person p on p.id = m.person_id where m.committee_id = ? order by p.role, p.name")
			.param(id)
			.query((rs, row) -> new MemberView(rs.getLong("id"), rs.getString("name"),
					MemberRole.valueOf(rs.getString("role")), rs.getBoolean("voting")))
			.list();
		Map<Long, String> names = members.stream().collect(Collectors.toMap(MemberView::personId, MemberView::name));
		return jdbc.sql("select * from governance_committee where id = ?")
			.param(id)
			.query((rs, row) -> {
				Long chair = (Long) rs.getObject("chair_id");
				Long vice = (Long) rs.getObject("vice_chair_id");
				return new CommitteeView(id, rs.getString("ccg_code"), rs.getString("name"),
						CommitteeKind.valueOf(rs.getString("kind")),
						new QuorumRule(rs.getInt("min_voting_present"), rs.getInt("min_lay"), rs.getInt("min_gp"),
								rs.getInt("min_executive"), rs.getBoolean("lay_executive_majority")),
						rs.getBoolean("lay_chair"), chair, chair == null ? null : names.get(chair), vice,
						vice == null ? null : names.get(vice), members, rs.getInt("version"));
			})
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No committee " + id));
	}

	// ---------------------------------------------------------------- meetings

	public long createMeeting(String ccg, NewMeeting request) {
		checkLead(ccg);
		CommitteeView committee = committeeView(request.committeeId());
		if (!committee.ccgCode().equals(ccg)) {
			throw new IllegalArgumentException("Committee " + committee.name() + " belongs to CCG " + committee.ccgCode());
		}
		if (request.heldOn() == null || blank(request.title())) {
			throw new IllegalArgumentException("A meeting needs a date and a title");
		}
		List<NewItem> items = request.items() == null ? List.of() : request.items();
		items.forEach(this::checkItem);
		long id = jdbc.sql("insert into governance_meeting (committee_id, held_on, title) values (?, ?, ?) returning id")
			.params(request.committeeId(), request.heldOn(), request.title().trim())
			.query(Long.class)
			.single();
		int position = 1;
		for (NewItem item : items) {
			insertItem(id, position++, item);
		}
		audit.record(new AuditEntry("MEETING_CREATED", "GOVERNANCE_MEETING", String.valueOf(id), ccg, null, request));
		return id;
	}

	public long addItem(long meetingId, NewItem item) {
		MeetingRow meeting = meetingRow(meetingId);
		checkLead(meeting.ccgCode());
		checkItem(item);
		int position = jdbc.sql("select coalesce(max(position), 0) + 1 from governance_agenda_item where meeting_id = ?")
			.param(meetingId)
			.query(Integer.class)
			.single();
		long id = insertItem(meetingId, position, item);
		audit.record(new AuditEntry("ITEM_ADDED", "GOVERNANCE_ITEM", String.valueOf(id), meeting.ccgCode(), null, item));
		return id;
	}

	private void checkItem(NewItem item) {
		if (item == null || blank(item.title()) || item.kind() == null) {
			throw new IllegalArgumentException("An agenda item needs a title and a kind (decision, discussion or information)");
		}
		for (AffectedOrganisation organisation : item.affected() == null ? List.<AffectedOrganisation>of() : item.affected()) {
			if (organisation.organisationCode() != null) {
				OrganisationDetails details = directory.find(organisation.organisationCode())
					.orElseThrow(() -> new IllegalArgumentException(
							"No organisation has the code " + organisation.organisationCode()));
				if (organisation.kind() == AffectedOrganisation.Kind.PRACTICE
						&& details.type() != OrganisationType.GP_PRACTICE) {
					throw new IllegalArgumentException(organisation.organisationCode() + " is not a GP practice");
				}
			}
		}
	}

	private long insertItem(long meetingId, int position, NewItem item) {
		long id = jdbc.sql("insert into governance_agenda_item (meeting_id, position, title, kind, procurement, status)"
				+ " values (?, ?, ?, ?, ?, 'OPEN') returning id")
			.params(meetingId, position, item.title().trim(), item.kind().name(), item.isProcurement())
			.query(Long.class)
			.single();
		for (AffectedOrganisation organisation : item.affected() == null ? List.<AffectedOrganisation>of() : item.affected()) {
			String name = organisation.bodyName();
			if (name == null && organisation.organisationCode() != null) {
				name = directory.find(organisation.organisationCode()).map(OrganisationDetails::name).orElse(null);
			}
			jdbc.sql("insert into governance_item_organisation (item_id, kind, organisation_code, body_name) values (?, ?, ?, ?)")
				.params(id, organisation.kind().name(), organisation.organisationCode(), name)
				.update();
		}
		history(id, ItemStatus.OPEN, null);
		return id;
	}

	private void history(long itemId, ItemStatus status, String note) {
		jdbc.sql("insert into governance_item_status_history (item_id, status, note, changed_by) values (?, ?, ?, ?)")
			.params(itemId, status.name(), note, actor())
			.update();
	}

	record MeetingRow(long id, long committeeId, String ccgCode, LocalDate heldOn, String title) {
	}

	private MeetingRow meetingRow(long id) {
		return jdbc.sql("select m.*, c.ccg_code from governance_meeting m join governance_committee c on c.id = m.committee_id where m.id = ?")
			.param(id)
			.query((rs, row) -> new MeetingRow(rs.getLong("id"), rs.getLong("committee_id"), rs.getString("ccg_code"),
					rs.getObject("held_on", LocalDate.class), rs.getString("title")))
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No meeting " + id));
	}

	@Transactional(readOnly = true)
	public List<MeetingSummary> meetings(String ccg) {
		checkRead(ccg);
		return jdbc.sql("""
				select m.id, m.committee_id, c.name as committee_name, m.held_on, m.title,
				  (select count(*) from governance_agenda_item i where i.meeting_id = m.id) as items,
				  (select count(*) from governance_agenda_item i where i.meeting_id = m.id and i.status = 'OPEN') as open_items
				from governance_meeting m join governance_committee c on c.id = m.committee_id
				where c.ccg_code = ? order by m.held_on desc, m.id desc
				""")
			.param(ccg)
			.query((rs, row) -> new MeetingSummary(rs.getLong("id"), rs.getLong("committee_id"),
					rs.getString("committee_name"), rs.getObject("held_on", LocalDate.class), rs.getString("title"),
					rs.getInt("items"), rs.getInt("open_items")))
			.list();
	}

	/** The meeting with, for every item, who is conflicted, the handling required and recorded, quoracy and votes. */
	@Transactional(readOnly = true)
	public MeetingView meeting(long id) {
		MeetingRow meeting = meetingRow(id);
		checkRead(meeting.ccgCode());
		return meetingView(meeting);
	}

	private MeetingView meetingView(MeetingRow meeting) {
		return meetingView(meeting, committeeView(meeting.committeeId()));
	}

	private MeetingView meetingView(MeetingRow meeting, CommitteeView committee) {
		Map<Long, Boolean> attendance = new HashMap<>();
		jdbc.sql("select person_id, present from governance_attendance where meeting_id = ?")
			.param(meeting.id())
			.query(rs -> {
				attendance.put(rs.getLong(1), rs.getBoolean(2));
			});
		boolean recorded = !attendance.isEmpty();
		List<AttendeeView> attendees = committee.members()
			.stream()
			.map(member -> new AttendeeView(member.personId(), member.name(), member.role(), member.voting(),
					attendance.get(member.personId())))
			.toList();
		// Before attendance is recorded every member is expected, so the chair sees the quorum the agenda allows.
		List<MemberView> present = committee.members()
			.stream()
			.filter(member -> !recorded || Boolean.TRUE.equals(attendance.get(member.personId())))
			.toList();
		List<MemberInterests> interests = interestsOf(committee.members().stream().map(MemberView::personId).toList());
		Map<Long, MemberView> membersById = committee.members()
			.stream()
			.collect(Collectors.toMap(MemberView::personId, member -> member));
		List<ItemView> items = jdbc.sql("select * from governance_agenda_item where meeting_id = ? order by position")
			.param(meeting.id())
			.query((rs, row) -> new ItemRow(rs.getLong("id"), rs.getInt("position"), rs.getString("title"),
					ItemKind.valueOf(rs.getString("kind")), rs.getBoolean("procurement"),
					ItemStatus.valueOf(rs.getString("status")), rs.getString("decision"), rs.getString("referred_to"),
					rs.getInt("version")))
			.list()
			.stream()
			.map(item -> itemView(item, meeting, committee, membersById, present, interests))
			.toList();
		return new MeetingView(meeting.id(), meeting.ccgCode(), committee.id(), committee.name(), meeting.heldOn(),
				meeting.title(), recorded, attendees, items);
	}

	record ItemRow(long id, int position, String title, ItemKind kind, boolean procurement, ItemStatus status,
			String decision, String referredTo, int version) {
	}

	private ItemView itemView(ItemRow item, MeetingRow meeting, CommitteeView committee,
			Map<Long, MemberView> members, List<MemberView> present, List<MemberInterests> interests) {
		List<AffectedOrganisation> affected = affected(item.id());
		Map<Long, Conflict> conflicts = ConflictDetection.detect(interests, affected, item.kind(), meeting.heldOn())
			.stream()
			.collect(Collectors.toMap(Conflict::personId, conflict -> conflict));
		Map<Long, ConflictView> views = new LinkedHashMap<>();
		for (Conflict conflict : conflicts.values()) {
			MemberView member = members.get(conflict.personId());
			views.put(conflict.personId(), new ConflictView(member.personId(), member.name(), member.role(),
					member.voting(), conflict.describe(), conflict.handling(), null, false));
		}
		jdbc.sql("select * from governance_item_declaration where item_id = ?").param(item.id()).query(rs -> {
			long personId = rs.getLong("person_id");
			MemberView member = members.get(personId);
			ConflictView computed = views.get(personId);
			Handling recordedHandling = Handling.valueOf(rs.getString("handling"));
			if (member == null) {
				return;
			}
			views.put(personId, new ConflictView(personId, member.name(), member.role(), member.voting(),
					computed != null ? computed.interests() : rs.getString("interest"),
					computed != null ? computed.requiredHandling() : recordedHandling, recordedHandling,
					rs.getBoolean("on_the_day")));
		});
		List<MemberRole> eligible = present.stream()
			.filter(MemberView::voting)
			.filter(member -> {
				ConflictView conflict = views.get(member.personId());
				if (conflict == null) {
					return true;
				}
				Handling handling = conflict.requiredHandling()
					.strongest(conflict.recordedHandling() == null ? Handling.DECLARE_ONLY : conflict.recordedHandling());
				return handling.mayVote();
			})
			.map(MemberView::role)
			.toList();
		QuorumRule.Assessment quorum = committee.quorum().assess(eligible);
		List<VoteView> votes = jdbc.sql("select v.person_id, p.name, v.vote from governance_vote v"
				+ " join governance_person p on p.id = v.person_id where v.item_id = ? order by p.name")
			.param(item.id())
			.query((rs, row) -> new VoteView(rs.getLong(1), rs.getString(2), Vote.valueOf(rs.getString(3))))
			.list();
		List<ConflictView> sorted = views.values()
			.stream()
			.sorted((a, b) -> a.name().compareTo(b.name()))
			.toList();
		return new ItemView(item.id(), item.position(), item.title(), item.kind(), item.procurement(), affected,
				item.status(), item.decision(), item.referredTo(), sorted, quorum, votes, item.version());
	}

	private List<AffectedOrganisation> affected(long itemId) {
		return jdbc.sql("select kind, organisation_code, body_name from governance_item_organisation where item_id = ?")
			.param(itemId)
			.query((rs, row) -> new AffectedOrganisation(AffectedOrganisation.Kind.valueOf(rs.getString(1)),
					rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Every interest on the registers of these people: their declarations and their (and relatives') links. */
	private List<MemberInterests> interestsOf(List<Long> personIds) {
		if (personIds.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Interest>> interests = new LinkedHashMap<>();
		personIds.forEach(id -> interests.put(id, new ArrayList<>()));
		jdbc.sql("select * from governance_declaration where person_id in (:ids)")
			.param("ids", personIds)
			.query(rs -> {
				interests.get(rs.getLong("person_id"))
					.add(new Interest(InterestCategory.valueOf(rs.getString("category")), rs.getString("organisation_code"),
							rs.getString("body_name"), rs.getString("description"),
							rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)));
			});
		jdbc.sql("select l.*, o.name as organisation_name from governance_person_link l"
				+ " left join directory_organisation o on o.code = l.organisation_code where l.person_id in (:ids)")
			.param("ids", personIds)
			.query(rs -> {
				String relative = rs.getString("relative");
				LinkView link = new LinkView(rs.getLong("id"), LinkRelationship.valueOf(rs.getString("relationship")),
						rs.getString("organisation_code"), rs.getString("organisation_name"), rs.getString("body_name"),
						relative, rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
				interests.get(rs.getLong("person_id"))
					.add(new Interest(relative == null ? InterestCategory.FINANCIAL : InterestCategory.INDIRECT,
							link.organisationCode(), link.bodyName(), link.describe(), link.from(), link.to()));
			});
		return interests.entrySet().stream().map(entry -> new MemberInterests(entry.getKey(), entry.getValue())).toList();
	}

	public void recordAttendance(long meetingId, Attendance attendance) {
		MeetingRow meeting = meetingRow(meetingId);
		checkLead(meeting.ccgCode());
		CommitteeView committee = committeeView(meeting.committeeId());
		Set<Long> present = Set.copyOf(attendance.present() == null ? List.of() : attendance.present());
		Set<Long> members = committee.members().stream().map(MemberView::personId).collect(Collectors.toSet());
		for (Long id : present) {
			if (!members.contains(id)) {
				throw new IllegalArgumentException("Person " + id + " is not a member of " + committee.name());
			}
		}
		jdbc.sql("delete from governance_attendance where meeting_id = ?").param(meetingId).update();
		for (Long member : members) {
			jdbc.sql("insert into governance_attendance (meeting_id, person_id, present) values (?, ?, ?)")
				.params(meetingId, member, present.contains(member))
				.update();
		}
		audit.record(new AuditEntry("ATTENDANCE_RECORDED", "GOVERNANCE_MEETING", String.valueOf(meetingId),
				meeting.ccgCode(), null, Map.of("present", present)));
	}

	/** The chair records a declaration made on the day and its handling, at least what the registers require. */
	public void recordDeclaration(long itemId, ItemDeclaration declaration) {
		ItemContext context = itemContext(itemId);
		checkLead(context.meeting().ccgCode());
		checkOpen(context.item());
		MemberView member = context.committee()
			.members()
			.stream()
			.filter(m -> m.personId() == declaration.personId())
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Person " + declaration.personId() + " is not a member of "
					+ context.committee().name()));
		if (declaration.handling() == null || blank(declaration.interest())) {
			throw new IllegalArgumentException("Describe the interest declared and choose how it is handled");
		}
		Optional<ConflictView> computed = context.item().conflicts().stream()
			.filter(conflict -> conflict.personId() == member.personId())
			.findFirst();
		if (computed.isPresent() && declaration.handling().ordinal() < computed.get().requiredHandling().ordinal()) {
			throw new IllegalArgumentException(member.name() + "'s interests require: "
					+ computed.get().requiredHandling().label().toLowerCase());
		}
		// An interest not on the registers can only have been declared on the day.
		upsertDeclaration(itemId, member.personId(), declaration.interest(), declaration.handling(), computed.isEmpty());
		audit.record(new AuditEntry("ITEM_DECLARATION_RECORDED", "GOVERNANCE_ITEM", String.valueOf(itemId),
				context.meeting().ccgCode(), null, declaration));
	}

	private void upsertDeclaration(long itemId, long personId, String interest, Handling handling, boolean onTheDay) {
		jdbc.sql("insert into governance_item_declaration (item_id, person_id, interest, handling, on_the_day, recorded_by)"
				+ " values (?, ?, ?, ?, ?, ?) on conflict (item_id, person_id) do update set interest = excluded.interest,"
				+ " handling = excluded.handling, recorded_by = excluded.recorded_by, recorded_at = now()")
			.params(itemId, personId, truncate(interest, 500), handling.name(), onTheDay, actor())
			.update();
	}

	/** Records a vote, refusing one from a member who is absent, has no vote, or must not vote on this item. */
	public void vote(long itemId, CastVote vote) {
		recordVotes(itemId, List.of(vote));
	}

	/** Records several votes on one item; refuses them all when any one is refused. */
	public void recordVotes(long itemId, List<CastVote> votes) {
		ItemContext context = itemContext(itemId);
		checkLead(context.meeting().ccgCode());
		checkOpen(context.item());
		if (context.item().kind() != ItemKind.DECISION) {
			throw new IllegalArgumentException("Only decision items are voted on");
		}
		List<AuditEntry> entries = new ArrayList<>();
		for (CastVote vote : votes) {
			checkVote(context, vote);
			entries.add(new AuditEntry("VOTE_RECORDED", "GOVERNANCE_ITEM", String.valueOf(itemId),
					context.meeting().ccgCode(), null, vote));
		}
		for (CastVote vote : votes) {
			jdbc.sql("insert into governance_vote (item_id, person_id, vote) values (?, ?, ?)"
					+ " on conflict (item_id, person_id) do update set vote = excluded.vote")
				.params(itemId, vote.personId(), vote.vote().name())
				.update();
		}
		audit.recordAll(entries);
	}

	private static void checkVote(ItemContext context, CastVote vote) {
		if (vote.vote() == null) {
			throw new IllegalArgumentException("Choose for, against or abstain");
		}
		MemberView member = context.committee()
			.members()
			.stream()
			.filter(m -> m.personId() == vote.personId())
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Person " + vote.personId() + " is not a member of "
					+ context.committee().name()));
		if (!member.voting()) {
			throw new IllegalArgumentException(member.name() + " is a non-voting member and cannot vote");
		}
		if (context.view().attendanceRecorded() && context.view().attendees().stream()
			.noneMatch(a -> a.personId() == member.personId() && Boolean.TRUE.equals(a.present()))) {
			throw new IllegalArgumentException(member.name() + " is not recorded as present");
		}
		Optional<ConflictView> conflict = context.item().conflicts().stream()
			.filter(c -> c.personId() == member.personId())
			.findFirst();
		if (conflict.isPresent()) {
			Handling handling = conflict.get().requiredHandling()
				.strongest(conflict.get().recordedHandling() == null ? Handling.DECLARE_ONLY : conflict.get().recordedHandling());
			if (!handling.mayVote()) {
				throw new IllegalArgumentException(member.name() + " may not vote on this item: "
						+ conflict.get().interests() + " (" + handling.label().toLowerCase() + ")");
			}
		}
	}

	/**
	 * Records the item's outcome. Conflicts found from the registers and not yet recorded are recorded as declared at
	 * the start and handled as required, so the minutes always show how each was managed. An item that is not quorate
	 * after exclusions can only be deferred or referred.
	 */
	public ItemView recordOutcome(long itemId, Outcome outcome) {
		ItemContext context = itemContext(itemId);
		checkLead(context.meeting().ccgCode());
		ItemView item = context.item();
		if (item.version() != outcome.version()) {
			throw new OptimisticLockingFailureException("Item " + itemId + " was changed by someone else");
		}
		ItemStatus next = item.status().close(outcome.outcome(), item.kind(), item.quorum().quorate(), outcome.referredTo());
		if ((next == ItemStatus.APPROVED || next == ItemStatus.REJECTED) && blank(outcome.decision())) {
			throw new IllegalArgumentException("Record the decision taken");
		}
		Set<Long> present = context.view().attendanceRecorded() ? context.view().attendees().stream()
			.filter(a -> Boolean.TRUE.equals(a.present()))
			.map(AttendeeView::personId)
			.collect(Collectors.toSet()) : null;
		for (ConflictView conflict : item.conflicts()) {
			if (conflict.recordedHandling() == null && (present == null || present.contains(conflict.personId()))) {
				upsertDeclaration(itemId, conflict.personId(), conflict.interests(), conflict.requiredHandling(), false);
			}
		}
		int updated = jdbc.sql("update governance_agenda_item set status = ?, decision = ?, referred_to = ?, quorate = ?,"
				+ " version = version + 1 where id = ? and version = ?")
			.params(next.name(), blankToNull(outcome.decision()), next == ItemStatus.REFERRED ? outcome.referredTo().trim() : null,
					item.quorum().quorate(), itemId, outcome.version())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("Item " + itemId + " was changed by someone else");
		}
		history(itemId, next, outcome.decision());
		ItemView after = new ItemView(item.id(), item.position(), item.title(), item.kind(), item.procurement(),
				item.affected(), next, blankToNull(outcome.decision()),
				next == ItemStatus.REFERRED ? outcome.referredTo().trim() : null, item.conflicts()
					.stream()
					.map(c -> c.recordedHandling() == null && (present == null || present.contains(c.personId()))
							? new ConflictView(c.personId(), c.name(), c.role(), c.voting(), c.interests(),
									c.requiredHandling(), c.requiredHandling(), false)
							: c)
					.toList(), item.quorum(),
				item.votes(), item.version() + 1);
		audit.record(new AuditEntry("ITEM_" + next.name(), "GOVERNANCE_ITEM", String.valueOf(itemId),
				context.meeting().ccgCode(), item, after));
		return after;
	}

	record ItemContext(MeetingRow meeting, CommitteeView committee, MeetingView view, ItemView item) {
	}

	private ItemContext itemContext(long itemId) {
		long meetingId = jdbc.sql("select meeting_id from governance_agenda_item where id = ?")
			.param(itemId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No agenda item " + itemId));
		MeetingRow meeting = meetingRow(meetingId);
		CommitteeView committee = committeeView(meeting.committeeId());
		MeetingView view = meetingView(meeting, committee);
		ItemView item = view.items().stream().filter(i -> i.id() == itemId).findFirst().orElseThrow();
		return new ItemContext(meeting, committee, view, item);
	}

	private static void checkOpen(ItemView item) {
		if (item.status() != ItemStatus.OPEN) {
			throw new IllegalArgumentException("This item is already " + item.status().label().toLowerCase());
		}
	}

	// ---------------------------------------------------------------- registers and compliance

	/**
	 * The decisions register: every item with an outcome, its meeting, its conflicts and how they were managed.
	 * {@code ccg} null for every CCG. Public: decisions are published once recorded.
	 */
	@Transactional(readOnly = true)
	public List<DecisionRow> decisions(String ccg, boolean procurementOnly) {
		return decisions(ccg, procurementOnly, Integer.MAX_VALUE, 0);
	}

	/** One page of the decisions register, newest first. */
	@Transactional(readOnly = true)
	public DecisionPage decisionPage(String ccg, boolean procurementOnly, int page, int size) {
		if (page < 0 || size < 1 || size > 500) {
			throw new IllegalArgumentException("Ask for a page from 0 of 1 to 500 rows");
		}
		long total = jdbc.sql("select count(*) from governance_agenda_item i join governance_meeting m on m.id = i.meeting_id"
				+ " join governance_committee c on c.id = m.committee_id where i.status <> 'OPEN' and i.kind = 'DECISION'"
				+ " and (cast(:ccg as varchar) is null or c.ccg_code = :ccg) and (:procurement = false or i.procurement)")
			.param("ccg", ccg)
			.param("procurement", procurementOnly)
			.query(Long.class)
			.single();
		return new DecisionPage(decisions(ccg, procurementOnly, size, (long) page * size), page, size, total);
	}

	/** A page of decisions; {@code page} counts from 0. */
	public record DecisionPage(List<DecisionRow> items, int page, int size, long total) {

		public int totalPages() {
			return (int) ((total + size - 1) / size);
		}

		public boolean hasPrevious() {
			return page > 0;
		}

		public boolean hasNext() {
			return (long) (page + 1) * size < total;
		}
	}

	private List<DecisionRow> decisions(String ccg, boolean procurementOnly, int limit, long offset) {
		return jdbc.sql("""
				select i.id, c.ccg_code, c.name as committee_name, m.id as meeting_id, m.held_on, i.title, i.procurement,
				  i.status, i.decision, i.referred_to, i.quorate,
				  (select string_agg(p.name || ' (' || d.interest || '): ' ||
				     case d.handling when 'DECLARE_ONLY' then 'declared only' when 'MAY_NOT_VOTE' then 'stayed, did not vote'
				     else 'left for the item' end, '; ' order by p.name)
				   from governance_item_declaration d join governance_person p on p.id = d.person_id where d.item_id = i.id) as conflicts,
				  (select count(*) filter (where v.vote = 'FOR') || ' for, ' || count(*) filter (where v.vote = 'AGAINST')
				     || ' against, ' || count(*) filter (where v.vote = 'ABSTAIN') || ' abstaining'
				   from governance_vote v where v.item_id = i.id) as votes
				from governance_agenda_item i
				join governance_meeting m on m.id = i.meeting_id
				join governance_committee c on c.id = m.committee_id
				where i.status <> 'OPEN' and i.kind = 'DECISION'
				  and (cast(:ccg as varchar) is null or c.ccg_code = :ccg) and (:procurement = false or i.procurement)
				order by m.held_on desc, i.id desc limit :limit offset :offset
				""")
			.param("ccg", ccg)
			.param("procurement", procurementOnly)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new DecisionRow(rs.getLong("id"), rs.getString("ccg_code"), rs.getString("committee_name"),
					rs.getLong("meeting_id"), rs.getObject("held_on", LocalDate.class), rs.getString("title"),
					rs.getBoolean("procurement"), ItemStatus.valueOf(rs.getString("status")), rs.getString("decision"),
					rs.getString("referred_to"), (Boolean) rs.getObject("quorate"), rs.getString("conflicts"),
					rs.getString("votes")))
			.list();
	}

	/** A published meeting's minutes: open to everyone once it has a recorded outcome. */
	@Transactional(readOnly = true)
	public MeetingView publishedMinutes(long meetingId) {
		MeetingRow meeting = meetingRow(meetingId);
		MeetingView view = meetingView(meeting);
		if (view.items().stream().allMatch(ItemView::isOpen)) {
			throw new NoSuchElementException("No published minutes for meeting " + meetingId);
		}
		return view;
	}

	/**
	 * Compliance per CCG (one row) or nationally ({@code ccg} null: one row per CCG with people): declarations up to
	 * date and overdue, gifts flagged, meetings with unmanaged conflicts (a decided item where a conflicted member
	 * voted, or a conflict on the registers with no recorded handling), decisions and how many were quorate.
	 */
	@Transactional(readOnly = true)
	public List<ComplianceRow> compliance(String ccg) {
		if (ccg != null) {
			checkRead(ccg);
		}
		else if (!isSystem()) {
			policy.checkNational();
		}
		DeclarationDeadlines deadlines = deadlines();
		GiftsAndHospitalityThresholds thresholds = thresholds();
		LocalDate today = today();
		Map<String, long[]> people = new LinkedHashMap<>();
		jdbc.sql("""
				select p.ccg_code, p.joined_on,
				  (select max(r.returned_on) from governance_declaration_return r where r.person_id = p.id) as last_return,
				  greatest((select max(d.valid_from) from governance_declaration d where d.person_id = p.id),
				           (select max(l.valid_from) from governance_person_link l where l.person_id = p.id)) as latest_interest
				from governance_person p where (cast(:ccg as varchar) is null or p.ccg_code = :ccg) order by p.ccg_code
				""")
			.param("ccg", ccg)
			.query(rs -> {
				long[] counts = people.computeIfAbsent(rs.getString(1), key -> new long[7]);
				LocalDate due = deadlines.dueOn(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
						rs.getObject(4, LocalDate.class));
				counts[0]++;
				counts[deadlines.isOverdue(due, today) ? 2 : 1]++;
			});
		jdbc.sql("select p.ccg_code, g.kind, g.from_supplier, g.value, g.accepted, g.senior_approval from governance_gift g"
				+ " join governance_person p on p.id = g.person_id where (cast(:ccg as varchar) is null or p.ccg_code = :ccg)")
			.param("ccg", ccg)
			.query(rs -> {
				var assessment = thresholds.assess(GiftsAndHospitalityThresholds.GiftKind.valueOf(rs.getString(2)),
						rs.getBoolean(3), new Money(rs.getBigDecimal(4)), rs.getBoolean(5), rs.getBoolean(6));
				if (rs.getBoolean(5) && !assessment.acceptanceAllowed()) {
					people.computeIfAbsent(rs.getString(1), key -> new long[7])[3]++;
				}
			});
		jdbc.sql("""
				select c.ccg_code, count(distinct m.id) filter (where i.status <> 'OPEN' and (
				    exists (select 1 from governance_vote v join governance_item_declaration d
				              on d.item_id = v.item_id and d.person_id = v.person_id
				            where v.item_id = i.id and d.handling <> 'DECLARE_ONLY')
				    or exists (select 1 from governance_committee_member cm
				               join governance_item_organisation o on o.item_id = i.id
				               where cm.committee_id = c.id
				                 and not exists (select 1 from governance_item_declaration d where d.item_id = i.id and d.person_id = cm.person_id)
				                 and not exists (select 1 from governance_attendance a where a.meeting_id = m.id and a.person_id = cm.person_id and not a.present)
				                 and (exists (select 1 from governance_person_link l where l.person_id = cm.person_id
				                        and l.organisation_code = o.organisation_code and l.valid_from <= m.held_on
				                        and (l.valid_to is null or l.valid_to >= m.held_on))
				                   or exists (select 1 from governance_declaration dd where dd.person_id = cm.person_id
				                        and dd.organisation_code = o.organisation_code and dd.valid_from <= m.held_on
				                        and (dd.valid_to is null or dd.valid_to >= m.held_on)))))) as unmanaged,
				  count(i.id) filter (where i.kind = 'DECISION' and i.status <> 'OPEN') as decisions,
				  count(i.id) filter (where i.kind = 'DECISION' and i.status <> 'OPEN' and i.quorate) as quorate
				from governance_committee c join governance_meeting m on m.committee_id = c.id
				join governance_agenda_item i on i.meeting_id = m.id
				where (cast(:ccg as varchar) is null or c.ccg_code = :ccg) group by c.ccg_code
				""")
			.param("ccg", ccg)
			.query(rs -> {
				long[] counts = people.computeIfAbsent(rs.getString(1), key -> new long[7]);
				counts[4] = rs.getLong(2);
				counts[5] = rs.getLong(3);
				counts[6] = rs.getLong(4);
			});
		if (ccg != null) {
			people.putIfAbsent(ccg, new long[7]);
		}
		return people.entrySet()
			.stream()
			.map(entry -> {
				long[] c = entry.getValue();
				return new ComplianceRow(entry.getKey(), c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
			})
			.toList();
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

	/** The people with a linked account whose declarations are overdue, for reminders. */
	@Transactional(readOnly = true)
	public List<PersonView> overdueWithAccounts() {
		List<String> ccgs = jdbc.sql("select distinct ccg_code from governance_person where username is not null")
			.query(String.class)
			.list();
		List<PersonView> overdue = new ArrayList<>();
		for (String ccg : ccgs) {
			peopleOf(ccg).stream().filter(p -> p.overdue() && p.username() != null).forEach(overdue::add);
		}
		return overdue;
	}

	/**
	 * Members of the CCG's governing body whose declarations are overdue: while there are any, the CCG may not submit a
	 * co-commissioning application. Readable by whoever may read the CCG's registers.
	 */
	@Transactional(readOnly = true)
	public List<PersonView> overdueGoverningBodyMembers(String ccg) {
		checkRead(ccg);
		List<Long> governingBody = jdbc.sql("select m.person_id from governance_committee_member m"
				+ " join governance_committee c on c.id = m.committee_id where c.ccg_code = ? and c.kind = ?")
			.params(ccg, CommitteeKind.GOVERNING_BODY.name())
			.query(Long.class)
			.list();
		return peopleOf(ccg).stream().filter(p -> p.overdue() && governingBody.contains(p.id())).toList();
	}

	@Transactional(readOnly = true)
	public boolean hasData(String ccg) {
		return jdbc.sql("select exists (select 1 from governance_person where ccg_code = ?)").param(ccg)
			.query(Boolean.class)
			.single();
	}

	@Transactional(readOnly = true)
	public boolean hasAnyData() {
		return jdbc.sql("select exists (select 1 from governance_person)").query(Boolean.class).single();
	}

	// ---------------------------------------------------------------- helpers

	private void checkCcg(String ccg) {
		OrganisationDetails details = directory.find(ccg)
			.orElseThrow(() -> new NoSuchElementException("No organisation has the code " + ccg));
		if (details.type() != OrganisationType.CCG) {
			throw new IllegalArgumentException(ccg + " is not a CCG");
		}
	}

	/** The ODS code, checked against the directory, or null for a free-text body. */
	private String checkOrganisation(String code, String bodyName) {
		String normalised = blankToNull(code);
		if (normalised == null) {
			if (blank(bodyName)) {
				throw new IllegalArgumentException("Name the organisation: an ODS code from the directory or the body's name");
			}
			return null;
		}
		normalised = normalised.toUpperCase();
		if (directory.find(normalised).isEmpty()) {
			throw new IllegalArgumentException("No organisation has the code " + normalised);
		}
		return normalised;
	}

	private static LocalDate required(LocalDate date, String what) {
		if (date == null) {
			throw new IllegalArgumentException("Give the " + what);
		}
		return date;
	}

	private String actor() {
		return policy.currentUser().map(CurrentUser::username).orElse(AuditTrail.SYSTEM);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String blankToNull(String text) {
		return blank(text) ? null : text.trim();
	}

	private static String truncate(String text, int length) {
		return text.length() > length ? text.substring(0, length) : text;
	}
}
