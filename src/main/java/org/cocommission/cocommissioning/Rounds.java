package org.cocommission.cocommissioning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationType;
import org.cocommission.governance.QuorumRule;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.InvalidInputException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds of applications, set up by NHS England; the reference list of functions; the configurable settings; and
 * the application window, which a national user may re-open for one CCG with a reason.
 */
@Service
@Transactional
public class Rounds {

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final Directory directory;

	Rounds(JdbcClient jdbc, AccessPolicy policy, AuditTrail audit, Directory directory) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.audit = audit;
		this.directory = directory;
	}

	/** Sets up a round; NHS England only. */
	public Round create(NewRound request) {
		policy.checkNational();
		if (jdbc.sql("select exists (select 1 from cocommissioning_round where name = ?)").param(request.name())
			.query(Boolean.class).single()) {
			throw new InvalidInputException("name", "A round called " + request.name() + " already exists");
		}
		long id = jdbc.sql("insert into cocommissioning_round (name, levels, eoi_deadline, application_deadline, go_live_on,"
				+ " score_min, score_max, created_by) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
			.params(request.name(), request.levels().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
					Timestamp.from(request.eoiDeadline().atZone(Round.LONDON).toInstant()),
					Timestamp.from(request.applicationDeadline().atZone(Round.LONDON).toInstant()), request.goLiveOn(),
					request.scoreMin(), request.scoreMax(), policy.requireUser().username())
			.query(Long.class)
			.single();
		request.levelDeadlines().forEach((level, deadline) -> jdbc.sql("insert into cocommissioning_level_deadline"
				+ " (round_id, level, application_deadline) values (?, ?, ?)")
			.params(id, level.name(), Timestamp.from(deadline.atZone(Round.LONDON).toInstant()))
			.update());
		for (int i = 0; i < request.criteria().size(); i++) {
			jdbc.sql("insert into cocommissioning_criterion (round_id, position, name) values (?, ?, ?)")
				.params(id, i + 1, request.criteria().get(i))
				.update();
		}
		Round round = round(id);
		audit.record(new AuditEntry("COCOMMISSIONING_ROUND_CREATED", "COCOMMISSIONING_ROUND", String.valueOf(id), null,
				null, round));
		return round;
	}

	@Transactional(readOnly = true)
	public List<Round> rounds() {
		List<Long> ids = jdbc.sql("select id from cocommissioning_round order by application_deadline desc, id desc")
			.query(Long.class)
			.list();
		return ids.stream().map(this::round).toList();
	}

	@Transactional(readOnly = true)
	public Round round(long id) {
		List<Round.Criterion> criteria = jdbc
			.sql("select id, position, name from cocommissioning_criterion where round_id = ? order by position")
			.param(id)
			.query(Round.Criterion.class)
			.list();
		Map<CommissioningLevel, Instant> levelDeadlines = new java.util.EnumMap<>(CommissioningLevel.class);
		jdbc.sql("select level, application_deadline from cocommissioning_level_deadline where round_id = ?")
			.param(id)
			.query(LevelDeadline.class)
			.list()
			.forEach(own -> levelDeadlines.put(own.level(), own.applicationDeadline()));
		return jdbc.sql("select id, name, levels, eoi_deadline, application_deadline, go_live_on, score_min, score_max,"
				+ " quorum_min_voting, quorum_min_lay, quorum_min_gp, quorum_min_executive, version"
				+ " from cocommissioning_round where id = ?")
			.param(id)
			.query((rs, row) -> new Round(rs.getLong(1), rs.getString(2), levels(rs.getString(3)),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getObject(6, java.time.LocalDate.class),
					rs.getInt(7), rs.getInt(8), criteria,
					new QuorumRule(rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), true), rs.getInt(13), levelDeadlines))
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No round has the id " + id));
	}

	/**
	 * Sets the quorum a proposed committee in this round must meet (configurable,
	 * docs/domain-rules.md#co-commissioning); NHS England only. Lay and executive members must still form the majority:
	 * that is a rule, not a setting.
	 */
	public Round setQuorum(long roundId, int minVoting, int minLay, int minGp, int minExecutive, int expectedVersion) {
		policy.checkNational();
		Round before = round(roundId);
		QuorumRule quorum = new QuorumRule(minVoting, minLay, minGp, minExecutive, true);
		int updated = jdbc.sql("update cocommissioning_round set quorum_min_voting = ?, quorum_min_lay = ?,"
				+ " quorum_min_gp = ?, quorum_min_executive = ?, version = version + 1 where id = ? and version = ?")
			.params(minVoting, minLay, minGp, minExecutive, roundId, expectedVersion)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("Someone else changed this round's quorum since you opened it;"
					+ " it is now " + describe(before.quorum()) + ". Check it and try again.");
		}
		Round after = round(roundId);
		audit.record(new AuditEntry("COCOMMISSIONING_QUORUM_SET", "COCOMMISSIONING_ROUND", String.valueOf(roundId), null,
				before.quorum(), quorum));
		return after;
	}

	/** The quorum in words, as the CCG reads it. */
	public static String describe(QuorumRule quorum) {
		return quorum.minVotingPresent() + " voting members present, including at least " + quorum.minLay() + " lay, "
				+ quorum.minGp() + " GP and " + quorum.minExecutive() + " executive";
	}

	/** The reference list: delegable functions first, then those reserved to NHS England. */
	@Transactional(readOnly = true)
	public List<DelegableFunction> functions() {
		return jdbc.sql("select code, name, delegable from cocommissioning_function order by position")
			.query(DelegableFunction.class)
			.list();
	}

	/** The configurable values, by name (docs/domain-rules.md#co-commissioning marks them configurable). */
	@Transactional(readOnly = true)
	public Map<String, String> settings() {
		Map<String, String> settings = new LinkedHashMap<>();
		jdbc.sql("select name, value from cocommissioning_setting order by name")
			.query(Setting.class)
			.list()
			.forEach(setting -> settings.put(setting.name(), setting.value()));
		return settings;
	}

	/** How many days before each deadline the CCGs are reminded (14 and 3 by default). */
	public List<Integer> reminderDaysBefore() {
		return Arrays.stream(settings().getOrDefault("reminder_days_before", "14,3").split(","))
			.map(String::trim)
			.map(Integer::valueOf)
			.toList();
	}

	public long maxAttachmentBytes() {
		return Long.parseLong(settings().getOrDefault("max_attachment_bytes", "10485760"));
	}

	/** Re-opens the full application window for one CCG until {@code until}; NHS England only, with a reason. */
	public void reopenWindow(long roundId, String ccg, Instant until, String reason) {
		reopen(roundId, ccg, until, reason, Window.APPLICATION);
	}

	/**
	 * Re-opens the expressions-of-interest stage for one CCG until {@code until}: NHS England only, with a reason,
	 * recorded and audited (docs/domain-rules.md, co-commissioning "Deadlines").
	 */
	public void reopenInterestWindow(long roundId, String ccg, Instant until, String reason) {
		reopen(roundId, ccg, until, reason, Window.EXPRESSION_OF_INTEREST);
	}

	/** A stage a window re-opens: its stored name, what closes it, and how a refusal and the audit trail say it. */
	private record Window(String stage, Function<Round, Instant> closes, Function<Round, Object> shownDeadline,
			String noReason, String tooEarly, String auditAction) {

		static final Window APPLICATION = new Window("APPLICATION", Round::earliestApplicationDeadline,
				Round::applicationDeadline, "Give the reason for re-opening the window",
				"The window must re-open until after the round's deadline", "COCOMMISSIONING_WINDOW_REOPENED");

		static final Window EXPRESSION_OF_INTEREST = new Window("EXPRESSION_OF_INTEREST", Round::eoiDeadline,
				Round::eoiDeadline, "Give the reason for re-opening expressions of interest",
				"Expressions of interest must re-open until after the round's deadline",
				"COCOMMISSIONING_INTEREST_WINDOW_REOPENED");
	}

	private void reopen(long roundId, String ccg, Instant until, String reason, Window window) {
		policy.checkNational();
		Round round = round(roundId);
		String code = ccg == null ? "" : ccg.trim().toUpperCase();
		if (directory.find(code).filter(o -> o.type() == OrganisationType.CCG).isEmpty()) {
			throw new InvalidInputException("ccg", "No CCG has the code " + code);
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", window.noReason());
		}
		if (until == null || !until.isAfter(window.closes().apply(round))) {
			throw new InvalidInputException("until", window.tooEarly());
		}
		jdbc.sql("insert into cocommissioning_window (round_id, ccg_code, open_until, reason, opened_by, stage)"
				+ " values (?, ?, ?, ?, ?, ?)")
			.params(roundId, code, Timestamp.from(until), reason.trim(), policy.requireUser().username(), window.stage())
			.update();
		audit.record(new AuditEntry(window.auditAction(), "COCOMMISSIONING_ROUND", String.valueOf(roundId), code,
				Map.of("deadline", window.shownDeadline().apply(round).toString()),
				new Reopened(until, reason.trim())));
	}

	/** The audit trail's record of a window re-opened for a CCG: until when, and why. */
	record Reopened(Instant openUntil, String reason) {
	}

	/** When the CCG may express interest: the round's expressions-of-interest deadline, or later if re-opened for it. */
	@Transactional(readOnly = true)
	public ApplicationWindow interestWindowFor(long roundId, String ccg) {
		Round round = round(roundId);
		Instant reopened = jdbc.sql("select open_until from cocommissioning_window where round_id = ? and ccg_code = ?"
				+ " and stage = 'EXPRESSION_OF_INTEREST' order by open_until desc limit 1")
			.params(roundId, ccg)
			.query(Instant.class)
			.optional()
			.orElse(null);
		return new ApplicationWindow(round.eoiDeadline(), reopened);
	}

	/** The deadline that applies to the CCG: the round's, or a later one a national user re-opened it to. */
	@Transactional(readOnly = true)
	public ApplicationWindow windowFor(long roundId, String ccg) {
		return windowFor(roundId, ccg, null);
	}

	/**
	 * The deadline that applies to the CCG's application for {@code level}: the level's own deadline (or the round's
	 * when it has none), or a later one a national user re-opened the window to.
	 */
	@Transactional(readOnly = true)
	public ApplicationWindow windowFor(long roundId, String ccg, CommissioningLevel level) {
		Round round = round(roundId);
		Instant deadline = level == null ? round.applicationDeadline() : round.applicationDeadlineFor(level);
		Instant reopened = jdbc.sql("select open_until from cocommissioning_window where round_id = ? and ccg_code = ?"
				+ " and stage = 'APPLICATION' order by open_until desc limit 1")
			.params(roundId, ccg)
			.query(Instant.class)
			.optional()
			.orElse(null);
		return new ApplicationWindow(deadline, reopened);
	}

	/** A level's own full-application deadline, as stored. */
	private record LevelDeadline(CommissioningLevel level, Instant applicationDeadline) {
	}

	/** One configurable value, as stored. */
	private record Setting(String name, String value) {
	}

	private static Set<CommissioningLevel> levels(String text) {
		Set<CommissioningLevel> levels = EnumSet.noneOf(CommissioningLevel.class);
		for (String level : text.split(",")) {
			levels.add(CommissioningLevel.valueOf(level));
		}
		return levels;
	}
}
