package org.cocommission.commissioningsupport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly customer satisfaction reviews of commissioning support by the CCGs that buy it, the service levels agreed
 * per purchase, and the comparison across providers (docs/domain-rules.md#commissioning-support, "Reviews of
 * providers"). A CCG's signed-in users answer and read their own CCG's review; NHS England and area teams read the
 * comparison; service levels are read like arrangements and recorded by the CCG and NHS England.
 */
@Service
@Transactional(readOnly = true)
public class ProviderReviews {

	/** The first year reviewed: the CCGs' first year, 2013/14. */
	public static final FinancialYear FIRST_YEAR = new FinancialYear(2013);

	private final JdbcClient jdbc;

	private final CommissioningSupport support;

	private final AccessPolicy access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProviderReviews(JdbcClient jdbc, CommissioningSupport support, AccessPolicy access,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.support = support;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** The years that may be reviewed, newest first: from 2013/14 to the current financial year. */
	public List<FinancialYear> years() {
		List<FinancialYear> years = new ArrayList<>();
		for (FinancialYear year = currentYear(); year.compareTo(FIRST_YEAR) >= 0; year = year.previous()) {
			years.add(year);
		}
		return years;
	}

	public FinancialYear currentYear() {
		return FinancialYear.containing(LocalDate.now(clock));
	}

	/**
	 * The year a comparison opens on: the latest with any answer, so that a reader is not shown an empty year while
	 * the current one's reviews are still to come; the current year when nothing has been answered yet.
	 */
	public FinancialYear latestReviewedYear() {
		return jdbc.sql("select year_start from cs_review_response order by year_start desc limit 1")
			.query(Integer.class)
			.optional()
			.map(FinancialYear::new)
			.orElseGet(this::currentYear);
	}

	/** Whether the signed-in user answers the CCG's reviews: its own users only. */
	public boolean canAnswer(String ccg) {
		return ActingAs.isSystem() || access.currentUser()
			.map(user -> user.role() == Role.CCG && ccg.equals(user.organisationCode()))
			.orElse(false);
	}

	/** Whether the signed-in user reads the comparison across providers: NHS England and area teams. */
	public boolean canCompare() {
		return ActingAs.isSystem() || access.currentUser()
			.map(user -> user.isNational() || user.role() == Role.AREA_TEAM)
			.orElse(false);
	}

	/**
	 * The CCG's review for the year: each service it buys now, and each it reviewed that year, with the answers given.
	 * The CCG's own users only.
	 */
	public List<ServiceReview> review(String ccg, FinancialYear year) {
		checkAnswers(ccg);
		checkYear(year);
		Map<String, ServiceReview> reviews = new LinkedHashMap<>();
		for (Arrangement arrangement : ActingAs.system(() -> support.arrangements(ccg))) {
			if (arrangement.mode() == ArrangementMode.BUY) {
				reviews.put(arrangement.service().code(), new ServiceReview(ccg, year.toString(), arrangement.service(),
						arrangement.provider(), Map.of(), null, null));
			}
		}
		Map<String, Map<ReviewQuestion, Integer>> answers = new LinkedHashMap<>();
		jdbc.sql("select service_code, question, score from cs_review_answer where year_start = ? and ccg_code = ?")
			.params(year.startYear(), ccg)
			.query((rs, n) -> answers.computeIfAbsent(rs.getString(1), code -> new EnumMap<>(ReviewQuestion.class))
				.put(ReviewQuestion.valueOf(rs.getString(2)), rs.getInt(3)))
			.list();
		jdbc.sql("""
				select r.service_code, s.name as service_name, p.code as provider_code, p.name as provider_name, p.csu,
				    r.comments, r.submitted_at
				from cs_review_response r join cs_service s on s.code = r.service_code
				join cs_provider p on p.code = r.provider_code
				where r.year_start = ? and r.ccg_code = ? order by s.position""")
			.params(year.startYear(), ccg)
			.query(ResponseRow.class)
			.list()
			.forEach(row -> reviews.put(row.serviceCode(), new ServiceReview(ccg, year.toString(),
					new SupportService(row.serviceCode(), row.serviceName()),
					new SupportProvider(row.providerCode(), row.providerName(), row.csu()),
					Map.copyOf(answers.getOrDefault(row.serviceCode(), Map.of())), row.comments(),
					row.submittedAt().toInstant())));
		List<String> order = support.services().stream().map(SupportService::code).toList();
		return reviews.values()
			.stream()
			.sorted(Comparator.comparing(review -> order.indexOf(review.service().code())))
			.toList();
	}

	record ResponseRow(String serviceCode, String serviceName, String providerCode, String providerName, boolean csu,
			String comments, OffsetDateTime submittedAt) {
	}

	/** The CCG's review of one service in the year (answered or not); refused for a service it neither buys nor reviewed. */
	public ServiceReview review(String ccg, FinancialYear year, String serviceCode) {
		return review(ccg, year).stream()
			.filter(review -> review.service().code().equals(serviceCode))
			.findFirst()
			.orElseThrow(() -> new java.util.NoSuchElementException(
					ccg + " does not buy " + serviceCode + " and did not review it in " + year));
	}

	/**
	 * Records the CCG's answers about a service it buys, reviewing the provider it buys it from now; answering again
	 * replaces the answers. The CCG's own users only.
	 */
	@Transactional
	public ServiceReview answer(String ccg, FinancialYear year, String serviceCode, ReviewForms.Answers form) {
		String actor = checkAnswers(ccg);
		checkYear(year);
		Arrangement bought = ActingAs.system(() -> support.arrangements(ccg))
			.stream()
			.filter(arrangement -> arrangement.service().code().equals(serviceCode)
					&& arrangement.mode() == ArrangementMode.BUY)
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("serviceCode",
					"Review a service the CCG buys: record it as bought first"));
		String comments = form.comments() == null || form.comments().isBlank() ? null : form.comments().trim();
		jdbc.sql("""
				insert into cs_review_response (year_start, ccg_code, service_code, provider_code, comments, submitted_by)
				values (?, ?, ?, ?, ?, ?)
				on conflict (year_start, ccg_code, service_code) do update set provider_code = excluded.provider_code,
				    comments = excluded.comments, submitted_by = excluded.submitted_by, submitted_at = now()""")
			.params(year.startYear(), ccg, serviceCode, bought.provider().code(), comments, actor)
			.update();
		jdbc.sql("delete from cs_review_answer where year_start = ? and ccg_code = ? and service_code = ?")
			.params(year.startYear(), ccg, serviceCode)
			.update();
		Map<ReviewQuestion, Integer> scores = form.scores();
		scores.forEach((question, score) -> jdbc
			.sql("insert into cs_review_answer (year_start, ccg_code, service_code, question, score) values (?, ?, ?, ?, ?)")
			.params(year.startYear(), ccg, serviceCode, question.name(), score)
			.update());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("year", year.toString());
		details.put("service", serviceCode);
		details.put("provider", bought.provider().code());
		scores.forEach((question, score) -> details.put(question.text(), ReviewQuestion.SCALE.get(score - 1)));
		events.publishEvent(new ProviderReviewed(ccg, year + " " + serviceCode, "PROVIDER_REVIEWED", details));
		return review(ccg, year, serviceCode);
	}

	record AnswerRow(String serviceCode, String providerCode, String ccgCode, String question, int score) {
	}

	record LevelsRow(String serviceCode, String providerCode, int reported, int met) {
	}

	/**
	 * Every provider's results per service for the year: responding CCGs, mean score with its 95% interval, share
	 * satisfied with its Wilson interval (both withheld under five CCGs), theme means and service-level attainment.
	 * NHS England and area teams.
	 */
	public List<ProviderComparison> comparison(FinancialYear year) {
		if (!canCompare()) {
			throw new AccessDeniedException("The comparison of providers is NHS England's and the area teams'");
		}
		Map<String, Map<String, Map<String, Map<ReviewQuestion, Integer>>>> answers = new LinkedHashMap<>();
		jdbc.sql("""
				select r.service_code, r.provider_code, r.ccg_code, a.question, a.score
				from cs_review_response r join cs_review_answer a
				  on a.year_start = r.year_start and a.ccg_code = r.ccg_code and a.service_code = r.service_code
				where r.year_start = ?""")
			.param(year.startYear())
			.query(AnswerRow.class)
			.list()
			.forEach(row -> answers.computeIfAbsent(row.serviceCode(), s -> new LinkedHashMap<>())
				.computeIfAbsent(row.providerCode(), p -> new LinkedHashMap<>())
				.computeIfAbsent(row.ccgCode(), c -> new EnumMap<>(ReviewQuestion.class))
				.put(ReviewQuestion.valueOf(row.question()), row.score()));
		Map<String, LevelsRow> levels = new LinkedHashMap<>();
		jdbc.sql("""
				select l.service_code, l.provider_code, count(*) as reported,
				    count(*) filter (where a.actual_percent >= l.target_percent) as met
				from cs_service_level l join cs_service_level_actual a on a.service_level_id = l.id
				where a.quarter_start between ? and ? group by l.service_code, l.provider_code""")
			.params(year.firstDay(), year.lastDay())
			.query(LevelsRow.class)
			.list()
			.forEach(row -> levels.put(row.serviceCode() + "|" + row.providerCode(), row));
		Map<String, SupportProvider> providers = new LinkedHashMap<>();
		jdbc.sql("select code, name, csu from cs_provider")
			.query(SupportProvider.class)
			.list()
			.forEach(provider -> providers.put(provider.code(), provider));
		List<ProviderComparison> rows = new ArrayList<>();
		for (SupportService service : support.services()) {
			Map<String, Map<String, Map<ReviewQuestion, Integer>>> byProvider = answers.getOrDefault(service.code(),
					Map.of());
			List<String> codes = new ArrayList<>(byProvider.keySet());
			levels.values()
				.stream()
				.filter(row -> row.serviceCode().equals(service.code()) && !codes.contains(row.providerCode()))
				.forEach(row -> codes.add(row.providerCode()));
			for (String code : codes) {
				rows.add(compare(year, service, providers.get(code), byProvider.getOrDefault(code, Map.of()),
						levels.get(service.code() + "|" + code)));
			}
		}
		return rows.stream()
			.sorted(Comparator.comparing((ProviderComparison row) -> support.services().indexOf(row.service()))
				.thenComparing(row -> row.provider().name()))
			.toList();
	}

	/** One provider's results for one service from each responding CCG's answers. */
	static ProviderComparison compare(FinancialYear year, SupportService service, SupportProvider provider,
			Map<String, Map<ReviewQuestion, Integer>> byCcg, LevelsRow levels) {
		int responding = byCcg.size();
		int met = levels == null ? 0 : levels.met();
		int reported = levels == null ? 0 : levels.reported();
		BigDecimal attainment = reported == 0 ? null
				: BigDecimal.valueOf(100L * met).divide(BigDecimal.valueOf(reported), 1, RoundingMode.HALF_UP);
		if (responding < ReviewStatistics.MINIMUM_CCGS) {
			return new ProviderComparison(year.toString(), service, provider, responding, true, null, null, List.of(),
					met, reported, attainment);
		}
		List<Double> scores = byCcg.values()
			.stream()
			.map(answers -> answers.values().stream().mapToInt(Integer::intValue).average().orElseThrow())
			.toList();
		int satisfied = (int) byCcg.values()
			.stream()
			.filter(answers -> Objects.requireNonNullElse(answers.get(ReviewQuestion.OVERALL), 0) >= 4)
			.count();
		List<BigDecimal> themes = new ArrayList<>();
		for (ReviewQuestion.Theme theme : ReviewQuestion.Theme.values()) {
			double mean = byCcg.values()
				.stream()
				.mapToDouble(answers -> theme.questions()
					.stream()
					.map(answers::get)
					.filter(Objects::nonNull)
					.mapToInt(Integer::intValue)
					.average()
					.orElse(Double.NaN))
				.filter(value -> !Double.isNaN(value))
				.average()
				.orElse(Double.NaN);
			themes.add(Double.isNaN(mean) ? null : BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP));
		}
		return new ProviderComparison(year.toString(), service, provider, responding, false,
				ReviewStatistics.mean(scores), ReviewStatistics.share(satisfied, responding), themes, met, reported,
				attainment);
	}

	/** The service levels agreed for the CCG's purchases, with the actuals recorded. Read like its arrangements. */
	public List<ServiceLevelView> serviceLevels(String ccg) {
		if (!ActingAs.isSystem()) {
			access.checkCanSee(ccg);
		}
		return serviceLevelsOf(ccg);
	}

	record LevelRow(long id, String ccgCode, String serviceCode, String serviceName, String providerCode,
			String providerName, boolean csu, String name, BigDecimal targetPercent) {
	}

	record ActualRow(long serviceLevelId, LocalDate quarterStart, BigDecimal actualPercent) {
	}

	private List<ServiceLevelView> serviceLevelsOf(String ccg) {
		Map<Long, List<ServiceLevelView.QuarterActual>> actuals = new LinkedHashMap<>();
		List<LevelRow> levels = jdbc.sql("""
				select l.id, l.ccg_code, l.service_code, s.name as service_name, p.code as provider_code,
				    p.name as provider_name, p.csu, l.name, l.target_percent
				from cs_service_level l join cs_service s on s.code = l.service_code
				join cs_provider p on p.code = l.provider_code
				where l.ccg_code = ? order by s.position, p.name, l.name""")
			.param(ccg)
			.query(LevelRow.class)
			.list();
		Map<Long, BigDecimal> targets = new LinkedHashMap<>();
		levels.forEach(level -> targets.put(level.id(), level.targetPercent()));
		jdbc.sql("""
				select a.service_level_id, a.quarter_start, a.actual_percent from cs_service_level_actual a
				join cs_service_level l on l.id = a.service_level_id where l.ccg_code = ? order by a.quarter_start""")
			.param(ccg)
			.query(ActualRow.class)
			.list()
			.forEach(row -> actuals.computeIfAbsent(row.serviceLevelId(), id -> new ArrayList<>())
				.add(new ServiceLevelView.QuarterActual(row.quarterStart(), row.actualPercent(),
						row.actualPercent().compareTo(targets.get(row.serviceLevelId())) >= 0)));
		return levels.stream()
			.map(level -> new ServiceLevelView(level.id(), level.ccgCode(),
					new SupportService(level.serviceCode(), level.serviceName()),
					new SupportProvider(level.providerCode(), level.providerName(), level.csu()), level.name(),
					level.targetPercent(), List.copyOf(actuals.getOrDefault(level.id(), List.of()))))
			.toList();
	}

	/** Agrees a service level for a service the CCG buys, with the provider it buys it from. */
	@Transactional
	public ServiceLevelView addServiceLevel(String ccg, ReviewForms.ServiceLevel form) {
		String actor = checkRecord(ccg);
		Arrangement bought = ActingAs.system(() -> support.arrangements(ccg))
			.stream()
			.filter(arrangement -> arrangement.service().code().equals(form.serviceCode())
					&& arrangement.mode() == ArrangementMode.BUY)
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("serviceCode", "Choose a service the CCG buys"));
		String name = form.name().trim();
		boolean taken = serviceLevelsOf(ccg).stream()
			.anyMatch(level -> level.service().code().equals(form.serviceCode())
					&& level.provider().code().equals(bought.provider().code()) && level.name().equalsIgnoreCase(name));
		if (taken) {
			throw new InvalidInputException("name", "This service already has a service level called " + name);
		}
		long id = jdbc.sql("""
				insert into cs_service_level (ccg_code, service_code, provider_code, name, target_percent, created_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(ccg, form.serviceCode(), bought.provider().code(), name, form.targetPercent(), actor)
			.query(Long.class)
			.single();
		events.publishEvent(new ProviderReviewed(ccg, "service level " + id, "SERVICE_LEVEL_AGREED",
				new ServiceLevelAgreed(form.serviceCode(), bought.provider().code(), name, form.targetPercent())));
		return serviceLevelsOf(ccg).stream().filter(level -> level.id() == id).findFirst().orElseThrow();
	}

	/** Records what was achieved on one of the CCG's service levels in a quarter; recording again replaces it. */
	@Transactional
	public ServiceLevelView recordActual(String ccg, ReviewForms.Actual form) {
		String actor = checkRecord(ccg);
		ServiceLevelView level = serviceLevelsOf(ccg).stream()
			.filter(candidate -> candidate.id() == form.serviceLevelId())
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("serviceLevelId", "Choose one of the CCG's service levels"));
		LocalDate quarter = form.quarterStart();
		if (quarter.getDayOfMonth() != 1 || (quarter.getMonthValue() - 1) % 3 != 0) {
			throw new InvalidInputException("quarterStart",
					"Choose a quarter: it starts on 1 April, 1 July, 1 October or 1 January");
		}
		if (quarter.isAfter(LocalDate.now(clock))) {
			throw new InvalidInputException("quarterStart", "Choose a quarter that has started");
		}
		jdbc.sql("""
				insert into cs_service_level_actual (service_level_id, quarter_start, actual_percent, recorded_by)
				values (?, ?, ?, ?) on conflict (service_level_id, quarter_start)
				do update set actual_percent = excluded.actual_percent, recorded_by = excluded.recorded_by,
				    recorded_at = now()""")
			.params(level.id(), quarter, form.actualPercent(), actor)
			.update();
		events.publishEvent(new ProviderReviewed(ccg, "service level " + level.id(), "SERVICE_LEVEL_ACTUAL_RECORDED",
				new ActualRecorded(level.name(), quarter, form.actualPercent())));
		return serviceLevelsOf(ccg).stream().filter(candidate -> candidate.id() == level.id()).findFirst().orElseThrow();
	}

	/** What {@link #loadSyntheticDemoReviews} wrote. */
	public record DemoReviewsLoaded(int responses, int answers, int serviceLevels, int actuals) {
	}

	/** Per statement: how much easier (positive) or harder it is to agree with, for the synthetic demo reviews. */
	private static final Map<ReviewQuestion, Double> DEMO_EASE = new EnumMap<>(Map.of(ReviewQuestion.ACCURACY, 0.15,
			ReviewQuestion.LOCAL_KNOWLEDGE, -0.1, ReviewQuestion.TIMELINESS, -0.25, ReviewQuestion.COMMUNICATION, -0.35,
			ReviewQuestion.VALUE_FOR_MONEY, -0.4, ReviewQuestion.OVERALL, 0.0));

	/**
	 * How far a synthetic demo response leans from the average, from its own columns ({@code r.}): the provider's
	 * standing (-0.6 to +0.5), its fit with the service, a drift per year and the CCG's mood.
	 */
	private static final String DEMO_LEAN = """
			((abs(hashtext(r.provider_code || ':standing')) % 1000) / 1000.0 * 1.1 - 0.6
			  + ((abs(hashtext(r.provider_code || ':' || r.service_code || ':fit')) % 1000) / 1000.0 - 0.5) * 0.5
			  + ((abs(hashtext(r.provider_code || ':' || r.year_start || ':drift')) % 1000) / 1000.0 - 0.5) * 0.3
			  + ((abs(hashtext(r.ccg_code || ':mood')) % 1000) / 1000.0 - 0.5) * 0.8)""";

	/** The service levels of the synthetic demo: service, measure and target in per cent. */
	private static final List<Object[]> DEMO_LEVELS = List.of(
			new Object[] { "BUSINESS_INTELLIGENCE", "Monthly reports published by the tenth working day", 95.0 },
			new Object[] { "BUSINESS_INTELLIGENCE", "Ad hoc requests answered within five working days", 90.0 },
			new Object[] { "CONTRACTING", "Activity challenges issued within the contract timetable", 90.0 },
			new Object[] { "IT", "Service desk calls resolved within the agreed time", 92.0 },
			new Object[] { "IT", "Clinical systems available in core hours", 99.0 },
			new Object[] { "PROCUREMENT", "Procurements completed to the agreed timetable", 85.0 });

	/**
	 * The synthetic demo's reviews and service levels, set-based in three statements (no round trip per answer), as
	 * the application only and only while no review exists. For each year, each CCG answers for most of the services
	 * it buys now (72% to 87% by CCG) all six statements of the provider it buys from; scores vary by provider (its
	 * standing, its fit with the service and a drift per year), by CCG and by statement; submitted in February or
	 * March at the year's end. About two purchases in five of business intelligence, contracting, IT and procurement
	 * have their service levels agreed, with an actual for every quarter of the years, nearer the target the better
	 * the provider. Every draw is a hash of its key, so the same arrangements give the same reviews on every start.
	 * Rows are those {@link #answer} and {@link #recordActual} write; one audit entry records the load.
	 */
	@Transactional
	public DemoReviewsLoaded loadSyntheticDemoReviews(List<FinancialYear> years) {
		if (!ActingAs.isSystem()) {
			throw new AccessDeniedException("Demo data is loaded by the application");
		}
		if (jdbc.sql("select exists (select 1 from cs_review_response)").query(Boolean.class).single()) {
			return new DemoReviewsLoaded(0, 0, 0, 0);
		}
		Integer[] starts = years.stream().map(FinancialYear::startYear).sorted().toArray(Integer[]::new);
		List<ReviewQuestion> questions = List.of(ReviewQuestion.values());
		int responses = jdbc.sql("""
				insert into cs_review_response (year_start, ccg_code, service_code, provider_code, comments,
				  submitted_by, submitted_at)
				select year_start, ccg_code, service_code, provider_code,
				  case when abs(hashtext(ccg_code || ':' || service_code || ':' || year_start || ':said')) % 100 < 15 then
				    case when lean > 0.3 then (array['Consistently good; the team knows our practices well.',
				        'Responsive and reliable this year.', 'Good value; we would buy this again.'])[1 + abs(hashtext(ccg_code || service_code)) % 3]
				      when lean < -0.3 then (array['Deadlines were missed several times this year.',
				        'Staff turnover has hurt the quality of the work.', 'Expensive for what we receive.'])[1 + abs(hashtext(ccg_code || service_code)) % 3]
				      else 'Adequate, though reports sometimes need rework.' end end,
				  ?, make_timestamptz(year_start + 1, 2, 1, 9, 0, 0, 'Europe/London')
				    + (abs(hashtext(ccg_code || ':' || service_code || ':' || year_start || ':day')) % 55) * interval '1 day'
				    + (abs(hashtext(ccg_code || ':' || service_code || ':' || year_start || ':minute')) % 480) * interval '1 minute'
				from (select a.ccg_code, a.service_code, a.provider_code, y.year_start, {lean} as lean
				  from cs_arrangement a cross join unnest(?::int[]) as y(year_start)
				  where a.mode = 'BUY'
				    and (abs(hashtext(a.ccg_code || ':' || a.service_code || ':' || y.year_start || ':answered')) % 1000)
				      < 720 + abs(hashtext(a.ccg_code || ':keen')) % 150) as bought"""
				.replace("{lean}", DEMO_LEAN.replace("r.", "a.").replace("a.year_start", "y.year_start")))
			.params(ActingAs.SYSTEM, starts)
			.update();
		// Every answer from its response's own columns (the lean once per response), so no join back to the draw.
		int answers = jdbc.sql("""
				insert into cs_review_answer (year_start, ccg_code, service_code, question, score)
				select r.year_start, r.ccg_code, r.service_code, q.question,
				  greatest(1, least(5, round(3.75 + r.lean + q.ease
				    + ((abs(hashtext(r.ccg_code || r.service_code || r.year_start || q.question)) % 1000)
				      + (abs(hashtext(q.question || r.year_start || r.service_code || r.ccg_code)) % 1000) - 1000)
				      / 1000.0 * 1.6)))::int
				from (select r.year_start, r.ccg_code, r.service_code, {lean} as lean from cs_review_response r
				  where r.year_start = any(?::int[])) as r
				cross join unnest(?::varchar[], ?::float8[]) as q(question, ease)""".replace("{lean}", DEMO_LEAN))
			.params(starts, questions.stream().map(Enum::name).toArray(String[]::new),
					questions.stream().map(DEMO_EASE::get).toArray(Double[]::new))
			.update();
		int levels = jdbc.sql("""
				with measure as (
				  select * from unnest(?::varchar[], ?::varchar[], ?::float8[]) as m(service_code, name, target)),
				agreed as (
				  insert into cs_service_level (ccg_code, service_code, provider_code, name, target_percent, created_by,
				    created_at)
				  select a.ccg_code, a.service_code, a.provider_code, m.name, m.target::numeric(4,1), ?,
				    make_timestamptz(?, 3, 1, 10, 0, 0, 'Europe/London')
				      + (abs(hashtext(a.ccg_code || ':' || a.service_code || ':agreed')) % 28) * interval '1 day'
				  from cs_arrangement a join measure m on m.service_code = a.service_code
				  where a.mode = 'BUY' and abs(hashtext(a.ccg_code || ':' || a.service_code || ':levels')) % 100 < 40
				  returning id, ccg_code, provider_code, target_percent)
				insert into cs_service_level_actual (service_level_id, quarter_start, actual_percent, recorded_by,
				  recorded_at)
				select g.id, q.quarter_start::date,
				  greatest(0, least(100, round((g.target_percent + 0.3
				    + ((abs(hashtext(g.provider_code || ':standing')) % 1000) / 1000.0 * 1.1 - 0.6) * 2.5
				    + ((abs(hashtext(g.id || ':' || q.quarter_start::date)) % 1000)
				      + (abs(hashtext(q.quarter_start::date || ':' || g.id)) % 1000) - 1000) / 1000.0 * 3)::numeric, 1))),
				  ?, q.quarter_start + interval '3 months 20 days'
				from agreed g cross join generate_series(make_date(?, 4, 1)::timestamp, make_date(?, 1, 1)::timestamp,
				  interval '3 months') as q(quarter_start)""")
			.params(DEMO_LEVELS.stream().map(level -> (String) level[0]).toArray(String[]::new),
					DEMO_LEVELS.stream().map(level -> (String) level[1]).toArray(String[]::new),
					DEMO_LEVELS.stream().map(level -> (Double) level[2]).toArray(Double[]::new),
					ActingAs.SYSTEM, starts[0], ActingAs.SYSTEM, starts[0], starts[starts.length - 1] + 1)
			.update();
		int serviceLevels = jdbc.sql("select count(*) from cs_service_level").query(Integer.class).single();
		DemoReviewsLoaded loaded = new DemoReviewsLoaded(responses, answers, serviceLevels, levels);
		events.publishEvent(new ProviderReviewed(null, "synthetic demo reviews", "DEMO_REVIEWS_LOADED",
				new DemoLoaded(years.stream().map(FinancialYear::toString).sorted().toList(), responses, answers,
						serviceLevels, levels)));
		return loaded;
	}

	/** The quarters an actual may be recorded for, newest first: the last eight that have started. */
	public List<LocalDate> recentQuarters() {
		LocalDate today = LocalDate.now(clock);
		LocalDate quarter = LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1);
		List<LocalDate> quarters = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			quarters.add(quarter.minusMonths(3L * i));
		}
		return quarters;
	}

	private void checkYear(FinancialYear year) {
		if (year.compareTo(FIRST_YEAR) < 0 || year.compareTo(currentYear()) > 0) {
			throw new InvalidInputException("year", "Choose a year from " + FIRST_YEAR + " to " + currentYear());
		}
	}

	private String checkAnswers(String ccg) {
		if (ActingAs.isSystem()) {
			return ActingAs.SYSTEM;
		}
		CurrentUser user = access.requireUser();
		if (!canAnswer(ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s own users answer and read its reviews");
		}
		return user.username();
	}

	private String checkRecord(String ccg) {
		if (ActingAs.isSystem()) {
			return ActingAs.SYSTEM;
		}
		if (!support.canRecord(ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s users and NHS England record its service levels");
		}
		return access.requireUser().username();
	}

	/** The audit trail's record of a service level agreed: the service, its provider, the measure and its target %. */
	record ServiceLevelAgreed(String service, String provider, String measure, BigDecimal target) {
	}

	/** The audit trail's record of what a service level achieved in the quarter starting on {@code quarterStart}. */
	record ActualRecorded(String measure, LocalDate quarterStart, BigDecimal actual) {
	}

	/** The audit trail's record of the synthetic demo reviews: the years and what was written. */
	record DemoLoaded(List<String> years, int responses, int answers, int serviceLevels, int quarterlyActuals) {
	}
}
