package org.cocommission.authorisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cocommission.authorisation.CcgOutcome.Condition;
import org.cocommission.authorisation.CcgOutcome.Review;
import org.cocommission.authorisation.Framework.Criterion;
import org.cocommission.authorisation.Framework.Domain;
import org.cocommission.authorisation.NewOutcome.NewCondition;
import org.cocommission.directory.Directory;
import org.cocommission.directory.Succession;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CCG authorisation: the framework, the waves and every CCG's panel outcome (published: anyone may read them), each
 * CCG's conditions (the CCG and NHS England), and the reviews that discharge them (national and area team users).
 * Rules in docs/domain-rules.md, "CCG authorisation".
 */
@Service
public class Authorisation {

	/** The framework the 2012-13 waves were decided on. */
	public static final String FRAMEWORK_2012_13 = "CCG authorisation 2012-13";

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final ApplicationEventPublisher events;

	private final Directory directory;

	Authorisation(JdbcClient jdbc, AccessPolicy access, ApplicationEventPublisher events, Directory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.access = access;
		this.events = events;
	}

	/** The latest version of the named framework with its domains and criteria. */
	@Transactional(readOnly = true)
	public Framework framework(String name) {
		record Head(long id, String name, int version, int criteriaTotal) {
		}
		Head head = jdbc.sql("select id, name, version, criteria_total from authorisation_framework where name = ?"
				+ " order by version desc limit 1")
			.param(name)
			.query(Head.class)
			.single();
		record CriterionRow(String code, int domainNumber, String text, String evidence, boolean desktop,
				boolean siteVisit, boolean survey360) {
		}
		List<CriterionRow> criteria = jdbc.sql("select code, domain_number, text, evidence, desktop, site_visit,"
				+ " survey_360 as survey360 from authorisation_criterion where framework_id = ?"
				+ " order by domain_number, string_to_array(code, '.')::int[]")
			.param(head.id())
			.query(CriterionRow.class)
			.list();
		List<Domain> domains = jdbc
			.sql("select number, name from authorisation_domain where framework_id = ? order by number")
			.param(head.id())
			.query((rs, row) -> {
				int number = rs.getInt("number");
				return new Domain(number, rs.getString("name"), criteria.stream()
					.filter(c -> c.domainNumber() == number)
					.map(c -> new Criterion(c.code(), number, c.text(), c.evidence(),
							methods(c.desktop(), c.siteVisit(), c.survey360())))
					.toList());
			})
			.list();
		return new Framework(head.id(), head.name(), head.version(), head.criteriaTotal(), domains);
	}

	private static Set<AssessmentMethod> methods(boolean desktop, boolean siteVisit, boolean survey360) {
		Set<AssessmentMethod> methods = EnumSet.noneOf(AssessmentMethod.class);
		if (desktop) {
			methods.add(AssessmentMethod.DESKTOP);
		}
		if (siteVisit) {
			methods.add(AssessmentMethod.SITE_VISIT);
		}
		if (survey360) {
			methods.add(AssessmentMethod.SURVEY_360);
		}
		return methods;
	}

	/** The published outcomes of one wave of the 2012-13 framework, by CCG code. */
	@Transactional(readOnly = true)
	public List<OutcomeRow> outcomes(int wave) {
		return jdbc.sql("""
				select o.ccg_code, o.outcome, count(c.id) as conditions, coalesce(bool_or(c.directions), false) as directions
				from authorisation_outcome o
				join authorisation_framework f on f.id = o.framework_id and f.name = :framework
				left join authorisation_condition c on c.ccg_code = o.ccg_code
				where o.wave = :wave group by o.ccg_code, o.outcome order by o.ccg_code""")
			.param("framework", FRAMEWORK_2012_13)
			.param("wave", wave)
			.query(OutcomeRow.class)
			.list();
	}

	/** The waves of the 2012-13 framework with their totals, and the totals over all of them. */
	@Transactional(readOnly = true)
	public NationalSummary summary() {
		List<Wave> waves = jdbc.sql("""
				select w.number, w.panel_on,
				  count(o.ccg_code) as ccgs,
				  count(o.ccg_code) filter (where o.outcome = 'AUTHORISED') as authorised_in_full,
				  count(o.ccg_code) filter (where o.outcome = 'AUTHORISED_WITH_CONDITIONS') as with_conditions,
				  count(o.ccg_code) filter (where exists (select 1 from authorisation_condition c
				    where c.ccg_code = o.ccg_code and c.directions)) as with_directions,
				  count(o.ccg_code) filter (where o.outcome = 'NOT_AUTHORISED') as not_authorised
				from authorisation_wave w
				join authorisation_framework f on f.id = w.framework_id and f.name = :framework
				left join authorisation_outcome o on o.framework_id = w.framework_id and o.wave = w.number
				group by w.number, w.panel_on order by w.number""")
			.param("framework", FRAMEWORK_2012_13)
			.query(Wave.class)
			.list();
		return new NationalSummary(waves.stream().mapToInt(Wave::ccgs).sum(),
				waves.stream().mapToInt(Wave::authorisedInFull).sum(), waves.stream().mapToInt(Wave::withConditions).sum(),
				waves.stream().mapToInt(Wave::withDirections).sum(), waves.stream().mapToInt(Wave::notAuthorised).sum(),
				waves);
	}

	/** Conditions in force at the end of each month, from the first panel's month to the last discharge's (or today's). */
	@Transactional(readOnly = true)
	public ConditionsInForce conditionsInForce(LocalDate today) {
		return new ConditionsInForce(jdbc.sql("""
				with bounds as (select date_trunc('month', min(imposed_on))::date as first_month,
				    greatest(date_trunc('month', case when bool_or(discharged_on is null) then :today
				      else max(discharged_on) end)::date, date_trunc('month', min(imposed_on))::date) as last_month
				  from authorisation_condition),
				months as (select (generate_series(first_month, last_month, interval '1 month')
				    + interval '1 month' - interval '1 day')::date as month_end from bounds where first_month is not null)
				select m.month_end as on,
				  count(c.id) as conditions,
				  count(c.id) filter (where c.directions) as with_directions,
				  count(distinct c.ccg_code) as ccgs
				from months m
				left join authorisation_condition c on c.imposed_on <= m.month_end
				  and (c.discharged_on is null or c.discharged_on > m.month_end)
				group by m.month_end order by m.month_end""")
			.param("today", today)
			.query(ConditionsInForce.Point.class)
			.list());
	}

	/** One CCG's outcome and conditions: for the CCG itself, its area team and NHS England. */
	@Transactional(readOnly = true)
	public CcgOutcome ccgOutcome(String ccgCode) {
		access.checkCanSee(ccgCode);
		return find(ccgCode).orElseThrow(() -> new java.util.NoSuchElementException("No outcome for " + ccgCode));
	}

	/** The outcome of a CCG, if one was recorded: the published part only. */
	@Transactional(readOnly = true)
	public java.util.Optional<OutcomeKind> outcomeOf(String ccgCode) {
		return jdbc.sql("select outcome from authorisation_outcome where ccg_code = ?")
			.param(ccgCode)
			.query(OutcomeKind.class)
			.optional();
	}

	private java.util.Optional<CcgOutcome> find(String ccgCode) {
		record Head(String ccgCode, int wave, OutcomeKind outcome, LocalDate decidedOn) {
		}
		return jdbc.sql("select ccg_code, wave, outcome, decided_on from authorisation_outcome where ccg_code = ?")
			.param(ccgCode)
			.query(Head.class)
			.optional()
			.map(head -> new CcgOutcome(head.ccgCode(), head.wave(), head.outcome(), head.decidedOn(),
					conditions(ccgCode)));
	}

	private List<Condition> conditions(String ccgCode) {
		Map<Long, List<Review>> reviews = new LinkedHashMap<>();
		jdbc.sql("""
				select r.condition_id, r.reviewed_on, r.met, r.note, r.reviewed_by from authorisation_condition_review r
				join authorisation_condition c on c.id = r.condition_id where c.ccg_code = ? order by r.reviewed_on, r.id""")
			.param(ccgCode)
			.query((rs, row) -> reviews.computeIfAbsent(rs.getLong("condition_id"), id -> new ArrayList<>())
				.add(new Review(rs.getObject("reviewed_on", LocalDate.class), rs.getBoolean("met"), rs.getString("note"),
						rs.getString("reviewed_by"))))
			.list();
		return jdbc.sql("""
				select c.id, c.criterion_code, k.text, k.domain_number, c.support_level, c.directions, c.imposed_on,
				  c.discharged_on
				from authorisation_condition c
				join authorisation_criterion k on k.framework_id = c.framework_id and k.code = c.criterion_code
				where c.ccg_code = ? order by c.discharged_on nulls first, c.id""")
			.param(ccgCode)
			.query((rs, row) -> new Condition(rs.getLong("id"), rs.getString("criterion_code"), rs.getString("text"),
					rs.getInt("domain_number"), SupportLevel.of(rs.getInt("support_level")), rs.getBoolean("directions"),
					rs.getObject("imposed_on", LocalDate.class), rs.getObject("discharged_on", LocalDate.class),
					reviews.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/** The CCG a condition belongs to, for pages that start from a condition. */
	@Transactional(readOnly = true)
	public String ccgOfCondition(long conditionId) {
		return jdbc.sql("select ccg_code from authorisation_condition where id = ?")
			.param(conditionId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new java.util.NoSuchElementException("No condition " + conditionId));
	}

	/** Whether the signed-in user may review {@code ccgCode}'s conditions: NHS England, or the CCG's area team. */
	public boolean canReview(String ccgCode) {
		return access.currentUser()
			.filter(user -> user.isNational() || user.role() == Role.AREA_TEAM)
			.map(user -> access.canSee(user, ccgCode))
			.orElse(false);
	}

	/** Refuses, as a 403, a user who may not review the condition's CCG (or is not signed in). */
	public void checkCanReview(long conditionId) {
		access.requireUser();
		if (!canReview(ccgOfCondition(conditionId))) {
			throw new AccessDeniedException("Only NHS England and the CCG's area team review its conditions");
		}
	}

	/**
	 * Records a quarterly review of a condition; a review that finds it met discharges it on the review's date.
	 * Only NHS England and the CCG's area team may, and a discharged condition is not reviewed again.
	 */
	@Transactional
	public void review(long conditionId, ReviewForm form) {
		checkCanReview(conditionId);
		String ccgCode = ccgOfCondition(conditionId);
		CurrentUser user = access.requireUser();
		record State(String criterionCode, LocalDate imposedOn, LocalDate dischargedOn) {
		}
		State state = jdbc.sql("select criterion_code, imposed_on, discharged_on from authorisation_condition"
				+ " where id = ? for update")
			.param(conditionId)
			.query(State.class)
			.single();
		if (state.dischargedOn() != null) {
			throw new InvalidInputException("met", "This condition was discharged on " + state.dischargedOn());
		}
		if (form.reviewedOn().isBefore(state.imposedOn())) {
			throw new InvalidInputException("reviewedOn", "The review cannot be before the condition was imposed");
		}
		jdbc.sql("insert into authorisation_condition_review (condition_id, reviewed_on, met, note, reviewed_by)"
				+ " values (?, ?, ?, ?, ?)")
			.params(conditionId, form.reviewedOn(), form.met(), form.note().strip(), user.username())
			.update();
		if (form.met()) {
			jdbc.sql("update authorisation_condition set discharged_on = ? where id = ?")
				.params(form.reviewedOn(), conditionId)
				.update();
		}
		events.publishEvent(new ConditionReviewed(conditionId, ccgCode, state.criterionCode(), form.reviewedOn(),
				form.met(), form.note().strip()));
	}

	/**
	 * Conditions in force whose quarterly review is overdue on {@code today}: due three months after the last review,
	 * or after the condition was imposed when it has none; by CCG. Published nowhere: for pages that check access.
	 */
	@Transactional(readOnly = true)
	public List<OverdueReview> overdueReviews(LocalDate today) {
		return jdbc.sql("""
				select c.id as condition_id, c.ccg_code, c.criterion_code,
				  (coalesce(max(r.reviewed_on), c.imposed_on) + interval '3 months')::date as due_on
				from authorisation_condition c
				left join authorisation_condition_review r on r.condition_id = c.id
				where c.discharged_on is null
				group by c.id
				having (coalesce(max(r.reviewed_on), c.imposed_on) + interval '3 months')::date < :today
				order by c.ccg_code, c.id""")
			.param("today", today)
			.query(OverdueReview.class)
			.list();
	}

	/** Whether any outcome is recorded, so that the demo loads once. */
	@Transactional(readOnly = true)
	public boolean hasAnyOutcome() {
		return jdbc.sql("select exists (select 1 from authorisation_outcome)").query(Boolean.class).single();
	}

	/**
	 * Records panel outcomes of the 2012-13 framework, each decided on its wave's panel day, and their conditions
	 * (discharged on the given day where one is given). For loading past decisions: the application itself or
	 * NHS England.
	 */
	@Transactional
	public void recordOutcomes(List<NewOutcome> outcomes) {
		if (!ActingAs.isSystem()) {
			access.checkNational();
		}
		long framework = framework(FRAMEWORK_2012_13).id();
		for (NewOutcome outcome : outcomes) {
			LocalDate decidedOn = jdbc.sql("select panel_on from authorisation_wave where framework_id = ? and number = ?")
				.params(framework, outcome.wave())
				.query(LocalDate.class)
				.optional()
				.orElseThrow(() -> new InvalidInputException("wave", "No wave " + outcome.wave()));
			jdbc.sql("insert into authorisation_outcome (ccg_code, framework_id, wave, outcome, decided_on)"
					+ " values (?, ?, ?, ?, ?)")
				.params(outcome.ccgCode(), framework, outcome.wave(), outcome.outcome().name(), decidedOn)
				.update();
			for (NewCondition condition : outcome.conditions()) {
				jdbc.sql("insert into authorisation_condition (ccg_code, framework_id, criterion_code, support_level,"
						+ " directions, imposed_on, discharged_on) values (?, ?, ?, ?, ?, ?, ?)")
					.params(outcome.ccgCode(), framework, condition.criterionCode(), condition.supportLevel().number(),
							condition.directions(), decidedOn, condition.dischargedOn())
					.update();
			}
		}
	}

	/**
	 * Opens a wave for a CCG created by a merger (one the directory names predecessors of), with the CCG's draft
	 * application in it, and returns the wave's number: the next after the last. NHS England or the application
	 * itself. A CCG already decided is refused; one already applying keeps its application and wave.
	 */
	@Transactional
	public int openWaveForMergedCcg(String ccgCode, LocalDate panelOn) {
		if (!ActingAs.isSystem()) {
			access.checkNational();
		}
		if (directory.predecessors(ccgCode).isEmpty()) {
			throw new InvalidInputException("ccgCode",
					"The directory names no CCG that merged into " + ccgCode + ": this wave is for a CCG created by a merger");
		}
		if (outcomeOf(ccgCode).isPresent()) {
			throw new InvalidInputException("ccgCode", "The panel has decided this CCG's authorisation already");
		}
		long framework = framework(FRAMEWORK_2012_13).id();
		java.util.Optional<Integer> applying = jdbc
			.sql("select wave from authorisation_application where ccg_code = ? and framework_id = ?")
			.params(ccgCode, framework)
			.query(Integer.class)
			.optional();
		if (applying.isPresent()) {
			return applying.get();
		}
		int number = jdbc.sql("select coalesce(max(number), 0) + 1 from authorisation_wave where framework_id = ?")
			.param(framework)
			.query(Integer.class)
			.single();
		jdbc.sql("insert into authorisation_wave (framework_id, number, panel_on) values (?, ?, ?)")
			.params(framework, number, panelOn)
			.update();
		jdbc.sql("insert into authorisation_application (ccg_code, framework_id, wave, status) values (?, ?, ?, 'DRAFT')")
			.params(ccgCode, framework, number)
			.update();
		return number;
	}

	/**
	 * The conditions still in force on {@code day} of the CCGs that merged into this one (the directory's
	 * predecessors, and theirs), each with the CCG it came from. For whoever may read the CCG's application.
	 */
	@Transactional(readOnly = true)
	public List<CarriedCondition> carriedConditions(String ccgCode, LocalDate day) {
		Map<String, String> names = new java.util.LinkedHashMap<>();
		java.util.Deque<String> next = new java.util.ArrayDeque<>(List.of(ccgCode));
		while (!next.isEmpty()) {
			for (Succession predecessor : directory.predecessors(next.pop())) {
				if (!predecessor.code().equals(ccgCode) && names.putIfAbsent(predecessor.code(),
						predecessor.name() == null ? predecessor.code() : predecessor.name()) == null) {
					next.add(predecessor.code());
				}
			}
		}
		if (names.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select c.id, c.ccg_code, c.criterion_code, k.text, c.support_level, c.directions, c.imposed_on
				from authorisation_condition c
				join authorisation_criterion k on k.framework_id = c.framework_id and k.code = c.criterion_code
				where c.ccg_code in (:codes) and c.imposed_on <= :day
				  and (c.discharged_on is null or c.discharged_on > :day)
				order by c.ccg_code, c.id""")
			.param("codes", names.keySet())
			.param("day", day)
			.query((rs, n) -> new CarriedCondition(rs.getLong("id"), rs.getString("ccg_code"),
					names.get(rs.getString("ccg_code")), rs.getString("criterion_code"), rs.getString("text"),
					SupportLevel.of(rs.getInt("support_level")), rs.getBoolean("directions"),
					rs.getObject("imposed_on", LocalDate.class)))
			.list();
	}
}
