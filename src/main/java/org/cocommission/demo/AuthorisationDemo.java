package org.cocommission.demo;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.authorisation.Assurance;
import org.cocommission.authorisation.AssuranceRating;
import org.cocommission.authorisation.Authorisation;
import org.cocommission.authorisation.Framework;
import org.cocommission.authorisation.NewOutcome;
import org.cocommission.authorisation.NewOutcome.NewCondition;
import org.cocommission.authorisation.OutcomeKind;
import org.cocommission.authorisation.SupportLevel;
import org.cocommission.authorisation.SurveyDemoData;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.ActingAs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The 2012-13 authorisation of the demo's CCGs (those open on 1 April 2013) through the authorisation API: four waves
 * and the national totals (docs/domain-rules.md, "CCG authorisation"), exactly when the demo has 211 such CCGs and
 * scaled to its number otherwise. Conditions are discharged at quarter ends over the year after the panel; those with
 * directions take longer, and a few are still in force a year on. Where the demo's directory has a CCG created by a
 * merger, an open wave for it, its application carrying its predecessors' conditions still in force.
 */
@Component
@Order(60)
public class AuthorisationDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AuthorisationDemo.class);

	private static final LocalDate ESTABLISHED = LocalDate.of(2013, 4, 1);

	private static final int NATIONAL_CCGS = 211;

	private static final int[] NATIONAL_WAVES = { 34, 67, 62, 48 };

	private static final LocalDate[] PANELS = { LocalDate.of(2012, 12, 18), LocalDate.of(2013, 1, 31),
			LocalDate.of(2013, 2, 28), LocalDate.of(2013, 3, 25) };

	private final Authorisation authorisation;

	private final Directory directory;

	private final Assurance assurance;

	private final SurveyDemoData surveys;

	private final DemoUsers users;

	private final boolean enabled;

	/** Done when the background load of the 360 survey and its published reports has finished (true if it ran). */
	private final CompletableFuture<Boolean> surveyLoaded = new CompletableFuture<>();

	AuthorisationDemo(Authorisation authorisation, Directory directory, Assurance assurance, SurveyDemoData surveys,
			DemoUsers users, @Value("${cocommission.demo:false}") boolean enabled) {
		this.surveys = surveys;
		this.users = users;
		this.assurance = assurance;
		this.authorisation = authorisation;
		this.directory = directory;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (enabled) {
			ActingAs.system(this::loadUnlessPresent);
			ActingAs.system(this::loadRatingsUnlessPresent);
			ActingAs.system(this::openMergerWave);
			// Some 30,000 answers: loaded off the start path, in the background, so that it adds nothing to the start.
			Thread loader = new Thread(() -> {
				try {
					ActingAs.system(this::loadSurveyUnlessPresent);
					surveyLoaded.complete(ActingAs.system(this::publishSurveyReportsUnlessAny));
				}
				catch (RuntimeException ex) {
					log.warn("Demo data: the 360 survey was not loaded", ex);
					surveyLoaded.completeExceptionally(ex);
				}
			}, "demo-360-survey");
			loader.setDaemon(true);
			loader.start();
		}
		else {
			surveyLoaded.complete(false);
		}
	}

	/** For tests: completes when the background load of the survey and its published reports has finished. */
	CompletableFuture<Boolean> surveyLoaded() {
		return surveyLoaded;
	}

	/**
	 * Publishes a few CCGs' 2012/13 survey reports, as the CCGs and NHS England would, so that the public list of
	 * reports has some: spread over the CCGs whose survey closed with at least the anonymity threshold answered,
	 * about one in ten of them, between 3 and 8. Every other one is published by the CCG itself (its demo user), the
	 * rest by NHS England. Once: none is published when any report already is.
	 */
	public boolean publishSurveyReportsUnlessAny() {
		if (!directory.isSynthetic() || !users.exists(DemoUsers.NATIONAL) || surveys.anyReportPublished()) {
			return false;
		}
		Optional<Long> survey = surveys.surveyOf(2012);
		if (survey.isEmpty()) {
			return false;
		}
		long started = System.nanoTime();
		List<String> eligible = surveys.closedWithEnoughAnswers(survey.get());
		int count = Math.min(eligible.size(), Math.max(3, Math.min(8, eligible.size() / 10)));
		for (int index = 0; index < count; index++) {
			String ccg = eligible.get(index * eligible.size() / count);
			String own = "ccg-" + ccg.toLowerCase(Locale.ROOT);
			String by = index % 2 == 0 && users.exists(own) ? own : DemoUsers.NATIONAL;
			users.as(by, () -> surveys.publishReport(survey.get(), ccg));
		}
		log.info("Demo data: {} 360 survey reports published in {} ms", count,
				(System.nanoTime() - started) / 1_000_000);
		return true;
	}

	/**
	 * The 2012/13 360 stakeholder survey with answers for every CCG open on 1 April 2013, set-based in two statements
	 * (the time it takes is logged); in one transaction, so a start stopped half-way loads it again next time.
	 */
	public boolean loadSurveyUnlessPresent() {
		if (!directory.isSynthetic() || surveys.anySurvey()) {
			return false;
		}
		List<OrganisationSummary> ccgs = directory
			.list(OrganisationType.CCG, null, null, Directory.ListSort.CODE, false, 0, 1000)
			.items()
			.stream()
			.filter(ccg -> (ccg.openDate() == null || !ccg.openDate().isAfter(ESTABLISHED))
					&& (ccg.closeDate() == null || ccg.closeDate().isAfter(ESTABLISHED)))
			.toList();
		surveys.load(2012, ccgs.stream().map(OrganisationSummary::code).toList(),
				ccgs.stream().map(OrganisationSummary::name).toList());
		return true;
	}

	/** The years rated in the demo: 2016/17 to 2019/20 (the framework's ratings stopped for 2020/21). */
	private static final int[] RATED_YEARS = { 2016, 2017, 2018, 2019 };

	/**
	 * Annual assurance ratings of the CCGs open on 1 April of each year, in one statement: in 2016/17 about 5% outstanding,
	 * 40% good, 44% requiring improvement and 12% inadequate; each later year a CCG mostly keeps its rating, else moves
	 * one step, a little more often up than down.
	 */
	public boolean loadRatingsUnlessPresent() {
		if (!directory.isSynthetic() || !assurance.years().isEmpty()) {
			return false;
		}
		List<OrganisationSummary> ccgs = directory
			.list(OrganisationType.CCG, null, null, Directory.ListSort.CODE, false, 0, 1000)
			.items();
		List<Assurance.Rating> ratings = ratings(ccgs);
		assurance.record(ratings);
		log.info("Demo data: {} annual assurance ratings", ratings.size());
		return true;
	}

	static List<Assurance.Rating> ratings(List<OrganisationSummary> ccgs) {
		Random random = new Random(2016);
		java.util.Map<String, AssuranceRating> last = new java.util.HashMap<>();
		List<Assurance.Rating> ratings = new ArrayList<>();
		AssuranceRating[] levels = AssuranceRating.values();
		for (int year : RATED_YEARS) {
			LocalDate start = LocalDate.of(year, 4, 1);
			for (OrganisationSummary ccg : ccgs) {
				if ((ccg.openDate() != null && ccg.openDate().isAfter(start))
						|| (ccg.closeDate() != null && !ccg.closeDate().isAfter(start))) {
					continue;
				}
				AssuranceRating before = last.get(ccg.code());
				AssuranceRating rating;
				if (before == null) {
					int draw = random.nextInt(100);
					rating = draw < 5 ? AssuranceRating.OUTSTANDING : draw < 45 ? AssuranceRating.GOOD
							: draw < 88 ? AssuranceRating.REQUIRES_IMPROVEMENT : AssuranceRating.INADEQUATE;
				}
				else {
					int draw = random.nextInt(100);
					int step = draw < 70 ? 0 : draw < 88 ? -1 : 1;
					rating = levels[Math.max(0, Math.min(levels.length - 1, before.ordinal() + step))];
				}
				last.put(ccg.code(), rating);
				ratings.add(new Assurance.Rating(ccg.code(), year, rating, "Year-end assessment " + Assurance.yearLabel(year)
						+ " (demo): better health, better care, sustainability and leadership indicators, with the"
						+ " area team's review of the year."));
			}
		}
		return ratings;
	}

	/**
	 * Opens a wave for the demo's CCG created by a merger, found through the directory's successions (the CCG with the
	 * most predecessors, then the lowest code), with its panel three months after the merger; none when the directory
	 * has no merger. Opening again keeps the wave opened before. Answers the CCG's code.
	 */
	public Optional<String> openMergerWave() {
		if (!directory.isSynthetic() || !authorisation.hasAnyOutcome()) {
			return Optional.empty();
		}
		Map<String, Long> predecessors = directory.successorsOn(LocalDate.now())
			.values()
			.stream()
			.collect(Collectors.groupingBy(code -> code, java.util.TreeMap::new, Collectors.counting()));
		Optional<String> merged = predecessors.entrySet()
			.stream()
			.filter(entry -> entry.getValue() > 1 && authorisation.outcomeOf(entry.getKey()).isEmpty())
			.max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
					java.util.Comparator.reverseOrder())))
			.map(Map.Entry::getKey);
		merged.ifPresent(code -> {
			LocalDate mergedOn = directory.predecessors(code).get(0).effectiveDate();
			int wave = authorisation.openWaveForMergedCcg(code, mergedOn.plusMonths(3));
			log.info("Demo data: wave {} open for {}, created by a merger on {}", wave, code, mergedOn);
		});
		return merged;
	}

	/** Loads the outcomes when the directory is the synthetic one and no outcome is recorded yet. */
	public boolean loadUnlessPresent() {
		if (!directory.isSynthetic() || authorisation.hasAnyOutcome()) {
			return false;
		}
		List<String> ccgs = directory.list(OrganisationType.CCG, null, null, Directory.ListSort.CODE, false, 0, 1000)
			.items()
			.stream()
			.filter(ccg -> (ccg.openDate() == null || !ccg.openDate().isAfter(ESTABLISHED))
					&& (ccg.closeDate() == null || ccg.closeDate().isAfter(ESTABLISHED)))
			.map(OrganisationSummary::code)
			.sorted()
			.toList();
		authorisation.recordOutcomes(outcomes(ccgs, authorisation.framework(Authorisation.FRAMEWORK_2012_13)));
		log.info("Demo data: authorisation outcomes for {} CCGs", ccgs.size());
		return true;
	}

	/** The outcomes for these CCGs: deterministic, so the same directory gives the same demo. */
	static List<NewOutcome> outcomes(List<String> ccgCodes, Framework framework) {
		int count = ccgCodes.size();
		Random random = new Random(2012);
		List<String> shuffled = new ArrayList<>(ccgCodes);
		Collections.shuffle(shuffled, random);
		int[] waveSizes = scaled(NATIONAL_WAVES, count);
		int full = Math.round(43f * count / NATIONAL_CCGS);
		int withDirections = Math.round(15f * count / NATIONAL_CCGS);
		List<String> criteria = framework.domains()
			.stream()
			.flatMap(domain -> domain.criteria().stream())
			.map(Framework.Criterion::code)
			.toList();
		// Which CCGs get which outcome is drawn apart from the waves, so that every wave has some of each.
		List<String> byOutcome = new ArrayList<>(ccgCodes);
		Collections.shuffle(byOutcome, random);
		Set<String> inFull = new HashSet<>(byOutcome.subList(0, full));
		Set<String> directed = new HashSet<>(byOutcome.subList(full, full + withDirections));
		List<NewOutcome> outcomes = new ArrayList<>();
		int next = 0;
		for (int wave = 0; wave < waveSizes.length; wave++) {
			LocalDate panel = PANELS[wave];
			for (String code : shuffled.subList(next, next + waveSizes[wave])) {
				if (inFull.contains(code)) {
					outcomes.add(new NewOutcome(code, wave + 1, OutcomeKind.AUTHORISED, List.of()));
				}
				else {
					outcomes.add(new NewOutcome(code, wave + 1, OutcomeKind.AUTHORISED_WITH_CONDITIONS,
							conditions(criteria, directed.contains(code), panel, random)));
				}
			}
			next += waveSizes[wave];
		}
		outcomes.sort(Comparator.comparing(NewOutcome::ccgCode));
		return outcomes;
	}

	private static List<NewCondition> conditions(List<String> criteria, boolean directed, LocalDate panel,
			Random random) {
		List<String> unmet = new ArrayList<>(criteria);
		Collections.shuffle(unmet, random);
		// Most CCGs had a handful of conditions; those under directions many more.
		int count = directed ? 6 + random.nextInt(8) : 1 + random.nextInt(5);
		List<NewCondition> conditions = new ArrayList<>();
		for (int index = 0; index < Math.min(count, unmet.size()); index++) {
			boolean directions = directed && index == 0;
			SupportLevel level = directions ? SupportLevel.IV : pick(random);
			int quarters = directions ? 3 + random.nextInt(4) : 1 + random.nextInt(4);
			// A few conditions are not met a year on (about one in twenty).
			LocalDate discharged = random.nextInt(20) == 0 && !directions ? null
					: panel.plusMonths(3L * quarters).with(TemporalAdjusters.lastDayOfMonth());
			conditions.add(new NewCondition(unmet.get(index), level, directions, discharged));
		}
		return conditions;
	}

	private static SupportLevel pick(Random random) {
		int draw = random.nextInt(10);
		return draw < 5 ? SupportLevel.I : draw < 8 ? SupportLevel.II : SupportLevel.III;
	}

	/** National wave sizes scaled to {@code count} CCGs by largest remainder, so they add up to it. */
	static int[] scaled(int[] national, int count) {
		int[] sizes = new int[national.length];
		double[] remainders = new double[national.length];
		int given = 0;
		for (int index = 0; index < national.length; index++) {
			double exact = (double) national[index] * count / NATIONAL_CCGS;
			sizes[index] = (int) Math.floor(exact);
			remainders[index] = exact - sizes[index];
			given += sizes[index];
		}
		while (given < count) {
			int largest = 0;
			for (int index = 1; index < national.length; index++) {
				if (remainders[index] > remainders[largest]) {
					largest = index;
				}
			}
			sizes[largest]++;
			remainders[largest] = -1;
			given++;
		}
		return sizes;
	}
}
