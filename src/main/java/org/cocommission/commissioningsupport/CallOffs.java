package org.cocommission.commissioningsupport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.cocommission.governance.RegisteredInterests;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Money;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call-off competitions: a CCG asks providers on the framework for bids for one service, evaluators score each bid
 * on weighted criteria (a conflicted evaluator is excluded), the scores are moderated, and the CCG awards the best,
 * which becomes its arrangement for the service after a standstill (docs/domain-rules.md#commissioning-support,
 * "Call-off competitions"). Read and run by the CCG's own users and national users; every step is audited.
 */
@Service
@Transactional(readOnly = true)
public class CallOffs {

	/** The criteria, in order; their weights are the CCG's. */
	public static final List<String> CRITERIA = List.of("Quality of the service", "Price", "Mobilisation and delivery");

	/** The standstill between award and contract: 10 calendar days (Public Contracts Regulations 2015, reg. 87). */
	public static final int STANDSTILL_DAYS = 10;

	private final JdbcClient jdbc;

	private final CommissioningSupport support;

	private final AccessPolicy access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RegisteredInterests interests;

	CallOffs(JdbcClient jdbc, CommissioningSupport support, AccessPolicy access, ApplicationEventPublisher events,
			Clock clock, RegisteredInterests interests) {
		this.interests = interests;
		this.jdbc = jdbc;
		this.support = support;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** The CCG owning a call-off, for the URL rules; empty for an unknown id. */
	public Optional<String> owner(long id) {
		return jdbc.sql("select ccg_code from cs_call_off where id = ?").param(id).query(String.class).optional();
	}

	/** The CCG's call-offs, newest first. */
	public List<CallOff> forCcg(String ccg) {
		checkCan(ccg);
		return jdbc.sql("select id from cs_call_off where ccg_code = ? order by id desc")
			.param(ccg)
			.query(Long.class)
			.list()
			.stream()
			.map(this::read)
			.toList();
	}

	public CallOff get(long id) {
		checkCan(owner(id).orElseThrow(() -> new NoSuchElementException("No call-off " + id)));
		return read(id);
	}

	/** The people on the CCG's register of people, to choose evaluators from. */
	public List<RegisteredInterests.RegisteredPerson> registerPeople(String ccg) {
		checkCan(ccg);
		return ActingAs.system(() -> interests.people(ccg));
	}

	public boolean canRun(String ccg) {
		return ActingAs.isSystem() || support.canRecord(ccg);
	}

	@Transactional
	public CallOff start(String ccg, CallOffForms.Start form) {
		String actor = checkCan(ccg);
		if (support.services().stream().noneMatch(service -> service.code().equals(form.serviceCode()))) {
			throw new InvalidInputException("serviceCode", "Choose a service from the catalogue");
		}
		if (form.qualityWeight() + form.priceWeight() + form.deliveryWeight() != 100) {
			throw new InvalidInputException("qualityWeight", "The three weights must add up to 100");
		}
		long id = jdbc.sql("insert into cs_call_off (ccg_code, service_code, title, requirements, status, created_by)"
				+ " values (?, ?, ?, ?, 'OPEN', ?) returning id")
			.params(ccg, form.serviceCode(), form.title().trim(), form.requirements().trim(), actor)
			.query(Long.class)
			.single();
		List<Integer> weights = List.of(form.qualityWeight(), form.priceWeight(), form.deliveryWeight());
		for (int position = 1; position <= CRITERIA.size(); position++) {
			jdbc.sql("insert into cs_call_off_criterion (call_off_id, position, name, weight) values (?, ?, ?, ?)")
				.params(id, position, CRITERIA.get(position - 1), weights.get(position - 1))
				.update();
		}
		events.publishEvent(new CallOffStepRecorded(id, ccg, "STARTED", new Started(form.serviceCode(), form.title().trim(),
				weights)));
		return read(id);
	}

	@Transactional
	public CallOff addBid(long id, CallOffForms.Bid form) {
		CallOff callOff = open(id);
		String actor = checkCan(callOff.ccgCode());
		SupportProvider provider = support.providers()
			.stream()
			.filter(p -> p.code().equals(form.providerCode()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("providerCode", "Choose a provider on the framework"));
		if (callOff.bids().stream().anyMatch(bid -> bid.providerCode().equals(provider.code()))) {
			throw new InvalidInputException("providerCode", provider.name() + " has already bid");
		}
		jdbc.sql("insert into cs_provider (code, name, csu) values (?, ?, ?) on conflict (code) do nothing")
			.params(provider.code(), provider.name(), provider.csu())
			.update();
		Money value = Money.ofPounds(form.annualValue().toPlainString());
		jdbc.sql("insert into cs_call_off_bid (call_off_id, provider_code, annual_value_pence, summary, received_by)"
				+ " values (?, ?, ?, ?, ?)")
			.params(id, provider.code(), value.pence(), blankToNull(form.summary()), actor)
			.update();
		events.publishEvent(new CallOffStepRecorded(id, callOff.ccgCode(), "BID_RECEIVED",
				new BidReceived(provider.code(), value.pounds())));
		CallOff withBid = read(id);
		for (CallOff.EvaluatorView evaluator : withBid.evaluators()) {
			boolean before = callOff.evaluators().stream().anyMatch(e -> e.name().equals(evaluator.name()) && e.conflicted());
			if (evaluator.conflicted() && !before) {
				events.publishEvent(new CallOffStepRecorded(id, callOff.ccgCode(), "CONFLICTED_EVALUATOR_EXCLUDED",
						new EvaluatorRecorded(evaluator.name(), null, evaluator.exclusion())));
			}
		}
		return withBid;
	}

	/**
	 * Adds an evaluator: a person chosen from the CCG's register of people (named as the register names them) or a
	 * name. One with an interest in a bidder, declared here or recorded on governance's register of interests, is
	 * excluded from scoring; an interest on the register is checked again whenever a bid arrives.
	 */
	@Transactional
	public CallOff addEvaluator(long id, CallOffForms.Evaluator form) {
		CallOff callOff = open(id);
		checkCan(callOff.ccgCode());
		String name;
		if (form.personId() != null) {
			RegisteredInterests.RegisteredPerson person = ActingAs.system(() -> interests.person(form.personId()))
				.filter(found -> found.ccgCode().equals(callOff.ccgCode()))
				.orElseThrow(() -> new InvalidInputException("personId", "Choose a person on the CCG's register"));
			name = person.name();
		}
		else if (form.name() == null || form.name().isBlank()) {
			throw new InvalidInputException("name", "Enter the evaluator's name or choose them from the register");
		}
		else {
			name = form.name().trim();
		}
		if (callOff.evaluators().stream().anyMatch(evaluator -> evaluator.name().equalsIgnoreCase(name))) {
			throw new InvalidInputException(form.personId() != null ? "personId" : "name", name + " is already an evaluator");
		}
		String conflict = blankToNull(form.conflict());
		jdbc.sql("insert into cs_call_off_evaluator (call_off_id, name, conflict, person_id) values (?, ?, ?, ?)")
			.params(id, name, conflict, form.personId())
			.update();
		CallOff added = read(id);
		CallOff.EvaluatorView evaluator = added.evaluators()
			.stream()
			.filter(e -> e.name().equals(name))
			.findFirst()
			.orElseThrow();
		events.publishEvent(new CallOffStepRecorded(id, callOff.ccgCode(),
				evaluator.conflicted() ? "CONFLICTED_EVALUATOR_EXCLUDED" : "EVALUATOR_ADDED",
				new EvaluatorRecorded(name, form.personId(),
						evaluator.conflicted() ? evaluator.exclusion() : "None declared or registered")));
		return added;
	}

	@Transactional
	public CallOff score(long id, CallOffForms.Score form) {
		return scoreAll(id, List.of(form));
	}

	/** Records several scores at once (an evaluator's score sheet): each checked and audited as {@link #score} does. */
	@Transactional
	public CallOff scoreAll(long id, List<CallOffForms.Score> forms) {
		CallOff callOff = open(id);
		String actor = checkCan(callOff.ccgCode());
		for (CallOffForms.Score form : forms) {
			CallOff.EvaluatorView evaluator = callOff.evaluators()
				.stream()
				.filter(e -> e.name().equals(form.evaluator()))
				.findFirst()
				.orElseThrow(() -> new InvalidInputException("evaluator", "Choose one of the call-off's evaluators"));
			if (evaluator.conflicted()) {
				throw new InvalidInputException("evaluator", evaluator.name()
						+ " has an interest in a bidder and is excluded from scoring: " + evaluator.exclusion());
			}
			if (callOff.bids().stream().noneMatch(bid -> bid.providerCode().equals(form.providerCode()))) {
				throw new InvalidInputException("providerCode", "Choose one of the bids");
			}
			jdbc.sql("""
					insert into cs_call_off_score (call_off_id, provider_code, position, evaluator, score, scored_by)
					values (?, ?, ?, ?, ?, ?)
					on conflict (call_off_id, provider_code, position, evaluator)
					do update set score = excluded.score, scored_by = excluded.scored_by""")
				.params(id, form.providerCode(), form.criterion(), evaluator.name(), form.score(), actor)
				.update();
			events.publishEvent(new CallOffStepRecorded(id, callOff.ccgCode(), "SCORED", new Scored(evaluator.name(),
					form.providerCode(), CRITERIA.get(form.criterion() - 1), form.score())));
		}
		return read(id);
	}

	/**
	 * Awards the call-off to a bid evaluated on every criterion: the CCG's arrangement for the service becomes a
	 * purchase from the provider at the bid's price to the contract's end, and the standstill runs 10 days.
	 */
	@Transactional
	public CallOff award(long id, CallOffForms.Award form) {
		return award(id, form, LocalDate.now(clock));
	}

	/**
	 * Records an award made on an earlier day, its standstill counted from that day: for loading the history of
	 * call-offs (the demo), so by the system only.
	 */
	@Transactional
	public CallOff awardAsOf(long id, CallOffForms.Award form, LocalDate awardedOn) {
		if (!ActingAs.isSystem()) {
			throw new AccessDeniedException("Only the system records an award made on an earlier day");
		}
		return award(id, form, awardedOn);
	}

	private CallOff award(long id, CallOffForms.Award form, LocalDate today) {
		CallOff callOff = open(id);
		String actor = checkCan(callOff.ccgCode());
		CallOff.Evaluation winner = callOff.evaluation()
			.stream()
			.filter(evaluation -> evaluation.providerCode().equals(form.providerCode()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("providerCode", "Choose one of the bids"));
		if (!winner.complete()) {
			throw new InvalidInputException("providerCode",
					winner.providerName() + "'s bid is not yet scored on every criterion by an evaluator without a conflict");
		}
		if (!form.contractEnd().isAfter(today)) {
			throw new InvalidInputException("contractEnd", "Enter an end of the contract after today");
		}
		support.record(callOff.ccgCode(), new ArrangementForm(callOff.service().code(), ArrangementMode.BUY,
				winner.providerCode(), null, winner.annualValue().pounds(), form.contractEnd()));
		LocalDate standstill = today.plusDays(STANDSTILL_DAYS);
		jdbc.sql("""
				update cs_call_off set status = 'AWARDED', awarded_provider = ?, award_value_pence = ?,
				    contract_end = ?, standstill_ends = ?, awarded_by = ?,
				    awarded_at = case when ? = current_date then now() else (?::date + time '12:00') at time zone 'Europe/London' end
				where id = ? and status = 'OPEN'""")
			.params(winner.providerCode(), winner.annualValue().pence(), form.contractEnd(), standstill, actor, today,
					today, id)
			.update();
		events.publishEvent(new CallOffStepRecorded(id, callOff.ccgCode(), "AWARDED", new Awarded(winner.providerCode(),
				winner.annualValue().pounds(), winner.weightedTotal(), form.contractEnd(), standstill)));
		return read(id);
	}

	private CallOff open(long id) {
		CallOff callOff = get(id);
		if (callOff.status() != CallOffStatus.OPEN) {
			throw new IllegalArgumentException("Call-off " + id + " is already awarded: nothing more can be recorded on it");
		}
		return callOff;
	}

	private String checkCan(String ccg) {
		if (ActingAs.isSystem()) {
			return ActingAs.SYSTEM;
		}
		if (!support.canRecord(ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s users and NHS England run its call-offs");
		}
		return access.requireUser().username();
	}

	record Row(long id, String ccgCode, String serviceCode, String serviceName, String title, String requirements,
			CallOffStatus status, String awardedProvider, String awardedName, Boolean awardedCsu, Long awardValuePence,
			LocalDate contractEnd, LocalDate standstillEnds, LocalDate awardedOn) {
	}

	record BidRow(String providerCode, String providerName, long annualValuePence, String summary) {
	}

	record EvaluatorRow(String name, String conflict, Long personId) {
	}

	/**
	 * What governance's register of interests records of the person in each bidder on the day: a commissioning
	 * support unit asked by its ODS code and name, another provider by its name. Read as the system: whoever runs the
	 * call-off sees why an evaluator is excluded.
	 */
	private Map<Long, List<String>> registeredInterests(List<Long> personIds, List<CallOff.BidView> bids,
			Map<String, Boolean> csu, LocalDate on) {
		Map<RegisteredInterests.Body, CallOff.BidView> bodies = new LinkedHashMap<>();
		for (CallOff.BidView bid : bids) {
			bodies.put(new RegisteredInterests.Body(Boolean.TRUE.equals(csu.get(bid.providerCode())) ? bid.providerCode()
					: null, bid.providerName()), bid);
		}
		Map<Long, List<String>> found = new LinkedHashMap<>();
		ActingAs.system(() -> interests.interestsIn(personIds, bodies.keySet(), on))
			.forEach((person, byBody) -> byBody.forEach((body, declared) -> declared
				.forEach(interest -> found.computeIfAbsent(person, id -> new ArrayList<>())
					.add(interest.category().toLowerCase(java.util.Locale.UK) + " interest in "
							+ bodies.get(body).providerName() + " (" + interest.description() + ")"))));
		return found;
	}

	/** Whether each provider is a commissioning support unit (asked of the register by its ODS code), by code. */
	private Map<String, Boolean> csuByCode(List<CallOff.BidView> bids) {
		Map<String, Boolean> csu = new LinkedHashMap<>();
		if (!bids.isEmpty()) {
			jdbc.sql("select code, csu from cs_provider where code in (:codes)")
				.param("codes", bids.stream().map(CallOff.BidView::providerCode).toList())
				.query((rs, n) -> csu.put(rs.getString(1), rs.getBoolean(2)))
				.list();
		}
		return csu;
	}

	private CallOff read(long id) {
		Row row = jdbc.sql("""
				select c.id, c.ccg_code, c.service_code, s.name as service_name, c.title, c.requirements, c.status,
				    c.awarded_provider, p.name as awarded_name, p.csu as awarded_csu, c.award_value_pence,
				    c.contract_end, c.standstill_ends, (c.awarded_at at time zone 'Europe/London')::date as awarded_on
				from cs_call_off c join cs_service s on s.code = c.service_code
				left join cs_provider p on p.code = c.awarded_provider where c.id = ?""")
			.param(id)
			.query(Row.class)
			.single();
		List<CallOff.Criterion> criteria = jdbc
			.sql("select position, name, weight from cs_call_off_criterion where call_off_id = ? order by position")
			.param(id)
			.query(CallOff.Criterion.class)
			.list();
		List<CallOff.BidView> bids = jdbc.sql("""
				select b.provider_code, p.name as provider_name, b.annual_value_pence, b.summary
				from cs_call_off_bid b join cs_provider p on p.code = b.provider_code
				where b.call_off_id = ? order by p.name""")
			.param(id)
			.query(BidRow.class)
			.list()
			.stream()
			.map(bid -> new CallOff.BidView(bid.providerCode(), bid.providerName(), Money.ofPence(bid.annualValuePence()),
					bid.summary()))
			.toList();
		LocalDate on = row.awardedOn() != null ? row.awardedOn() : LocalDate.now(clock);
		Map<String, Boolean> csu = csuByCode(bids);
		List<EvaluatorRow> evaluatorRows = jdbc
			.sql("select name, conflict, person_id from cs_call_off_evaluator where call_off_id = ? order by name")
			.param(id)
			.query(EvaluatorRow.class)
			.list();
		Map<Long, List<String>> registered = registeredInterests(
				evaluatorRows.stream().map(EvaluatorRow::personId).filter(java.util.Objects::nonNull).toList(), bids, csu,
				on);
		List<CallOff.EvaluatorView> evaluators = evaluatorRows.stream()
			.map(evaluator -> new CallOff.EvaluatorView(evaluator.name(), evaluator.conflict(), evaluator.personId(),
					evaluator.personId() == null ? List.of() : registered.getOrDefault(evaluator.personId(), List.of())))
			.toList();
		List<CallOff.ScoreView> scores = jdbc.sql("select evaluator, provider_code, position as criterion, score"
				+ " from cs_call_off_score where call_off_id = ? order by provider_code, position, evaluator")
			.param(id)
			.query(CallOff.ScoreView.class)
			.list();
		return new CallOff(row.id(), row.ccgCode(), new SupportService(row.serviceCode(), row.serviceName()),
				row.title(), row.requirements(), row.status(), criteria, bids, evaluators, scores,
				evaluate(criteria, bids, evaluators, scores),
				row.awardedProvider() == null ? null
						: new SupportProvider(row.awardedProvider(), row.awardedName(), Boolean.TRUE.equals(row.awardedCsu())),
				row.awardValuePence() == null ? null : Money.ofPence(row.awardValuePence()), row.contractEnd(),
				row.standstillEnds());
	}

	/**
	 * Each bid's moderated score per criterion, the mean of the scores of evaluators without a conflict (to two
	 * decimals), and its weighted total: the sum over criteria of weight × moderated score ÷ 5, out of 100 (to one
	 * decimal). Complete bids are ranked, highest total first.
	 */
	static List<CallOff.Evaluation> evaluate(List<CallOff.Criterion> criteria, List<CallOff.BidView> bids,
			List<CallOff.EvaluatorView> evaluators, List<CallOff.ScoreView> scores) {
		List<String> excluded = evaluators.stream()
			.filter(CallOff.EvaluatorView::conflicted)
			.map(CallOff.EvaluatorView::name)
			.toList();
		List<CallOff.Evaluation> evaluations = new ArrayList<>();
		for (CallOff.BidView bid : bids) {
			List<BigDecimal> moderated = new ArrayList<>();
			BigDecimal total = BigDecimal.ZERO;
			boolean complete = true;
			for (CallOff.Criterion criterion : criteria) {
				List<Integer> counted = scores.stream()
					.filter(score -> score.providerCode().equals(bid.providerCode())
							&& score.criterion() == criterion.position() && !excluded.contains(score.evaluator()))
					.map(CallOff.ScoreView::score)
					.toList();
				if (counted.isEmpty()) {
					moderated.add(null);
					complete = false;
					continue;
				}
				BigDecimal mean = BigDecimal.valueOf(counted.stream().mapToInt(Integer::intValue).sum())
					.divide(BigDecimal.valueOf(counted.size()), 2, RoundingMode.HALF_UP);
				moderated.add(mean);
				total = total.add(mean.multiply(BigDecimal.valueOf(criterion.weight()))
					.divide(BigDecimal.valueOf(5), 4, RoundingMode.HALF_UP));
			}
			evaluations.add(new CallOff.Evaluation(bid.providerCode(), bid.providerName(), bid.annualValue(), moderated,
					total.setScale(1, RoundingMode.HALF_UP), complete, null));
		}
		List<CallOff.Evaluation> ranked = evaluations.stream()
			.filter(CallOff.Evaluation::complete)
			.sorted(Comparator.comparing(CallOff.Evaluation::weightedTotal).reversed())
			.toList();
		return evaluations.stream()
			.map(e -> e.complete() ? new CallOff.Evaluation(e.providerCode(), e.providerName(), e.annualValue(),
					e.moderated(), e.weightedTotal(), true, ranked.indexOf(e) + 1) : e)
			.sorted(Comparator.comparing((CallOff.Evaluation e) -> e.rank() == null ? Integer.MAX_VALUE : e.rank())
				.thenComparing(CallOff.Evaluation::providerName))
			.toList();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	/** The audit trail's record of a call-off started: the service, its title and the criteria's weights in order. */
	record Started(String service, String title, List<Integer> weights) {
	}

	/** The audit trail's record of a bid: the provider and its price a year in pounds. */
	record BidReceived(String provider, BigDecimal annualValue) {
	}

	/**
	 * The audit trail's record of an evaluator added, or excluded by a conflict: their name, the person on the
	 * register they were chosen as (left out when named on the call-off, or excluded when a bid arrives), and the
	 * conflict.
	 */
	record EvaluatorRecorded(String evaluator, @JsonInclude(JsonInclude.Include.NON_NULL) Long registerPerson,
			String conflict) {
	}

	/** The audit trail's record of a score: by whom, of which bid, on which criterion. */
	record Scored(String evaluator, String provider, String criterion, int score) {
	}

	/** The audit trail's record of the award: the bid, its weighted total, the contract's end and the standstill's. */
	record Awarded(String provider, BigDecimal annualValue, BigDecimal weightedTotal, LocalDate contractEnd,
			LocalDate standstillEnds) {
	}
}
