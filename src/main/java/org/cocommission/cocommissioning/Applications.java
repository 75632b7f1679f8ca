package org.cocommission.cocommissioning;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.cocommissioning.ApplicationView.CommitteeMember;
import org.cocommission.cocommissioning.applications.ApplicationState;
import org.cocommission.cocommissioning.applications.ApplicationStore;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.InvalidInputException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafting an application: a CCG's own users start it and write it while it is a draft or back with them for more
 * information. Anyone who can see the CCG (its area team, NHS England) may read it. Every change is audited and
 * checked against the version it was made on.
 */
@Service
@Transactional
public class Applications {

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final Rounds rounds;

	private final ApplicationStore store;

	private final Clock clock;

	Applications(JdbcClient jdbc, AccessPolicy policy, AuditTrail audit, Rounds rounds, ApplicationStore store,
			Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.policy = policy;
		this.audit = audit;
		this.rounds = rounds;
		this.store = store;
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm");

	/** A CCG's expression of interest in a round: the level it means to apply for, who said so and when. */
	public record ExpressionOfInterest(long roundId, String ccgCode, CommissioningLevel level, String expressedBy,
			Instant expressedAt) {
	}

	/**
	 * The CCG expresses interest in a round, for a level: its own users, by the round's expressions-of-interest
	 * deadline in London (or the later one NHS England re-opened it to for this CCG), once.
	 */
	public ExpressionOfInterest expressInterest(long roundId, String ccg, CommissioningLevel level) {
		checkCcgUser(ccg);
		Round round = rounds.round(roundId);
		checkLevel(round, level);
		ApplicationWindow window = rounds.interestWindowFor(roundId, ccg);
		if (!window.isOpenAt(clock.instant())) {
			throw new IllegalArgumentException("Expressions of interest closed on "
					+ WHEN.format(window.closesAtInLondon()) + " (UK time); ask NHS England to re-open them for your CCG");
		}
		// Stamped on the clock the deadline was checked on, not the database's (the page said "made on" another day).
		int stored = jdbc.sql("insert into cocommissioning_expression_of_interest (round_id, ccg_code, level, expressed_by,"
				+ " expressed_at) values (?, ?, ?, ?, ?) on conflict (round_id, ccg_code) do nothing")
			.params(roundId, ccg, level.name(), policy.requireUser().username(),
					java.sql.Timestamp.from(clock.instant()))
			.update();
		if (stored == 0) {
			throw new IllegalArgumentException(ccg + " has already expressed interest in " + round.name());
		}
		audit.record(new AuditEntry("COCOMMISSIONING_INTEREST_EXPRESSED", "COCOMMISSIONING_ROUND", String.valueOf(roundId),
				ccg, null, new AppliedFor(round.name(), level)));
		return interestOf(roundId, ccg).orElseThrow();
	}

	/** The audit trail's record of an expression of interest or an application started: the round and the level. */
	record AppliedFor(String round, CommissioningLevel level) {
	}

	/** The CCG's expression of interest in the round, if it made one; anyone who can see the CCG may read it. */
	@Transactional(readOnly = true)
	public Optional<ExpressionOfInterest> interestOf(long roundId, String ccg) {
		policy.checkCanSee(ccg);
		return jdbc.sql("select round_id, ccg_code, level, expressed_by, expressed_at"
				+ " from cocommissioning_expression_of_interest where round_id = ? and ccg_code = ?")
			.params(roundId, ccg)
			.query(ExpressionOfInterest.class)
			.optional();
	}

	/** The CCG's application in the round that it has not withdrawn, including one recorded from a past round. */
	@Transactional(readOnly = true)
	public Optional<ApplicationSummary> applicationIn(long roundId, String ccg) {
		policy.checkCanSee(ccg);
		return jdbc.sql("select a.id, a.round_id, r.name as round_name, a.ccg_code, a.level, a.status, a.decision,"
				+ " a.updated_at from cocommissioning_application a join cocommissioning_round r on r.id = a.round_id"
				+ " where a.round_id = ? and a.ccg_code = ? and a.status <> 'WITHDRAWN'")
			.params(roundId, ccg)
			.query(ApplicationSummary.class)
			.optional();
	}

	private static void checkLevel(Round round, CommissioningLevel level) {
		if (level == null || !round.offers(level)) {
			throw new InvalidInputException("level", "Choose a level the round offers: " + String.join(", ",
					round.levelsInOrder().stream().map(level1 -> level1.label().toLowerCase()).toList()));
		}
	}

	/**
	 * Starts the full application for the signed-in CCG user's own CCG: after its expression of interest, while the
	 * full-application window for the level is open, and only one in a round.
	 */
	public ApplicationView start(long roundId, String ccg, CommissioningLevel level) {
		checkCcgUser(ccg);
		Round round = rounds.round(roundId);
		checkLevel(round, level);
		Optional<ApplicationSummary> existing = applicationIn(roundId, ccg);
		if (existing.isPresent()) {
			throw new IllegalArgumentException(ccg + " already has an application in " + round.name());
		}
		if (interestOf(roundId, ccg).isEmpty()) {
			throw new IllegalArgumentException("Express interest first: expressions of interest for " + round.name()
					+ " are due by " + WHEN.format(rounds.interestWindowFor(roundId, ccg).closesAtInLondon()) + " (UK time)");
		}
		ApplicationWindow window = rounds.windowFor(roundId, ccg, level);
		if (!window.isOpenAt(clock.instant())) {
			throw new IllegalArgumentException("Full applications for " + level.label().toLowerCase() + " closed on "
					+ WHEN.format(window.closesAtInLondon()) + " (UK time)");
		}
		long id;
		try {
			id = jdbc.sql("insert into cocommissioning_application (round_id, ccg_code, level, status, created_by)"
					+ " values (?, ?, ?, 'DRAFT', ?) returning id")
				.params(roundId, ccg, level.name(), policy.requireUser().username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException(ccg + " already has an application in " + round.name());
		}
		store.history(id, null, ApplicationStatus.DRAFT, policy.requireUser().username(),
				"Started an application for " + level.label().toLowerCase());
		audit.record(new AuditEntry("COCOMMISSIONING_APPLICATION_STARTED", "COCOMMISSIONING_APPLICATION",
				String.valueOf(id), ccg, null, new AppliedFor(round.name(), level)));
		return store.view(id);
	}

	@Transactional(readOnly = true)
	public ApplicationView application(long id) {
		ApplicationState state = store.state(id);
		policy.checkCanSee(state.ccgCode());
		return store.view(id);
	}

	/** The applications the signed-in user may see, newest round first. */
	@Transactional(readOnly = true)
	public List<ApplicationSummary> visible() {
		CurrentUser user = policy.requireUser();
		return jdbc.sql("select a.id, a.round_id, r.name as round_name, a.ccg_code, a.level, a.status, a.decision,"
				+ " a.updated_at"
				+ " from cocommissioning_application a join cocommissioning_round r on r.id = a.round_id"
				+ " where a.historical = false order by r.application_deadline desc, a.ccg_code")
			.query(ApplicationSummary.class)
			.list()
			.stream()
			.filter(summary -> user.isNational() || policy.canSee(user, summary.ccgCode()))
			.toList();
	}

	/** Saves one section as the user types; answers the new version. */
	public int saveSection(long id, Section section, String text, int version) {
		return saveSections(id, Map.of(section, text == null ? "" : text), version);
	}

	/** Saves the sections given; answers the new version. */
	public int saveSections(long id, Map<Section, String> sections, int version) {
		ApplicationState state = editable(id);
		if (sections == null) {
			throw new InvalidInputException("sections", "Give the sections to save, by name");
		}
		Map<String, String> before = new LinkedHashMap<>();
		Map<String, String> after = new LinkedHashMap<>();
		ApplicationView current = store.view(id);
		store.bump(id, version);
		for (Map.Entry<Section, String> entry : sections.entrySet()) {
			String text = entry.getValue() == null ? "" : entry.getValue();
			if (text.length() > 20_000) {
				throw new InvalidInputException("sections", entry.getKey().label() + " is too long: at most 20,000 characters");
			}
			jdbc.sql("update cocommissioning_application set " + entry.getKey().column() + " = ? where id = ?")
				.params(text, id)
				.update();
			before.put(entry.getKey().name(), current.sections().get(entry.getKey()));
			after.put(entry.getKey().name(), text);
		}
		audit.record(new AuditEntry("COCOMMISSIONING_APPLICATION_SAVED", "COCOMMISSIONING_APPLICATION",
				String.valueOf(id), state.ccgCode(), before, after));
		return version + 1;
	}

	/** Replaces the functions requested; only functions the reference list marks delegable may be requested. */
	public int setFunctions(long id, Set<String> codes, int version) {
		ApplicationState state = editable(id);
		Map<String, DelegableFunction> known = new LinkedHashMap<>();
		rounds.functions().forEach(f -> known.put(f.code(), f));
		for (String code : codes) {
			DelegableFunction function = known.get(code);
			if (function == null) {
				throw new InvalidInputException("codes", "No function on the reference list has the code " + code);
			}
			if (!function.delegable()) {
				throw new InvalidInputException("codes", function.name() + " is reserved to NHS England and cannot be requested");
			}
		}
		List<String> before = store.functions(id);
		store.bump(id, version);
		jdbc.sql("delete from cocommissioning_application_function where application_id = ?").param(id).update();
		for (String code : codes) {
			jdbc.sql("insert into cocommissioning_application_function (application_id, function_code) values (?, ?)")
				.params(id, code)
				.update();
		}
		audit.record(new AuditEntry("COCOMMISSIONING_FUNCTIONS_SET", "COCOMMISSIONING_APPLICATION", String.valueOf(id),
				state.ccgCode(), before, store.functions(id)));
		return version + 1;
	}

	/** Adds a member to the proposed committee. */
	public int addCommitteeMember(long id, NewCommitteeMember member, int version) {
		ApplicationState state = editable(id);
		store.bump(id, version);
		jdbc.sql("insert into cocommissioning_committee_member (application_id, position, name, role, voting, chair)"
				+ " values (?, (select coalesce(max(position), 0) + 1 from cocommissioning_committee_member"
				+ " where application_id = ?), ?, ?, ?, ?)")
			.params(id, id, member.name(), member.role().name(), member.voting(), member.chair())
			.update();
		audit.record(new AuditEntry("COCOMMISSIONING_COMMITTEE_MEMBER_ADDED", "COCOMMISSIONING_APPLICATION",
				String.valueOf(id), state.ccgCode(), null, member));
		return version + 1;
	}

	/** Who made the application's latest change (a username), if known: for the message of a refused save. */
	@Transactional(readOnly = true)
	public String lastChangedBy(long id) {
		policy.checkCanSee(store.state(id).ccgCode());
		return jdbc.sql("select updated_by from cocommissioning_application where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** Makes one member the proposed committee's chair, and no other; until the application is submitted. */
	public int makeChair(long id, long memberId, int version) {
		ApplicationState state = editable(id);
		CommitteeMember member = committeeMember(id, memberId);
		store.bump(id, version);
		jdbc.sql("update cocommissioning_committee_member set chair = (id = ?) where application_id = ?")
			.params(memberId, id)
			.update();
		audit.record(new AuditEntry("COCOMMISSIONING_COMMITTEE_CHAIR_CHANGED", "COCOMMISSIONING_APPLICATION",
				String.valueOf(id), state.ccgCode(), null, Map.of("chair", member.name())));
		return version + 1;
	}

	private CommitteeMember committeeMember(long id, long memberId) {
		return store.committee(id)
			.stream()
			.filter(m -> m.id() == memberId)
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("The proposed committee has no member " + memberId));
	}

	public int removeCommitteeMember(long id, long memberId, int version) {
		ApplicationState state = editable(id);
		CommitteeMember member = committeeMember(id, memberId);
		store.bump(id, version);
		jdbc.sql("delete from cocommissioning_committee_member where id = ?").param(memberId).update();
		audit.record(new AuditEntry("COCOMMISSIONING_COMMITTEE_MEMBER_REMOVED", "COCOMMISSIONING_APPLICATION",
				String.valueOf(id), state.ccgCode(), member, null));
		return version + 1;
	}

	/** The application's state, after checking the signed-in user is one of its CCG's and may still change it. */
	public ApplicationState editable(long id) {
		ApplicationState state = store.state(id);
		checkCcgUser(state.ccgCode());
		if (state.status() != ApplicationStatus.DRAFT && state.status() != ApplicationStatus.INFORMATION_REQUESTED) {
			throw new IllegalArgumentException("An application that is " + state.status().label().toLowerCase()
					+ " can no longer be changed");
		}
		return state;
	}

	void checkCcgUser(String ccg) {
		CurrentUser user = policy.requireUser();
		if (user.role() != Role.CCG || !user.organisationCode().equals(ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s own users may write its application");
		}
	}
}
