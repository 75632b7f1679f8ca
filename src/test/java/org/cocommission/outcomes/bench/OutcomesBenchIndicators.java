package org.cocommission.outcomes.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesDomain;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.StatisticalMethod;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The indicators the outcomes bench observes: the practice-level starters first (a crude rate, then proportions of
 * every polarity), then generated practice-level indicators of all three types and polarities, defined through
 * {@link Indicators#define}; the eight CCG-level starters (standardised and crude rates) always come too. Each carries
 * what the synthetic counts are drawn around: the share of the list in the denominator and the national level (a
 * proportion, or events per registered patient per month).
 */
final class OutcomesBenchIndicators {

	static final int MAXIMUM = 200;

	private static final List<String> PRACTICE_STARTERS = List.of("PRAC-EMADM", "PRAC-FLU65", "QOF-DM", "PRAC-GPPS",
			"PRAC-CERV", "PRAC-DMHBA", "QOF-AF", "QOF-AST", "QOF-CAN", "QOF-CHD", "QOF-CKD", "QOF-COPD", "QOF-CVDPP",
			"QOF-DEM", "QOF-DEP", "QOF-EP", "QOF-HF", "QOF-HYP", "QOF-LD", "QOF-MH", "QOF-OB", "QOF-OST", "QOF-PAD",
			"QOF-PC", "QOF-RA", "QOF-STIA");

	/** Share of the list in the denominator and national proportion of the starters that are not QOF prevalences. */
	private static final Map<String, double[]> KNOWN = Map.of("PRAC-EMADM", new double[] { 1, 0.1 / 12 }, "PRAC-FLU65",
			new double[] { 0.17, 0.73 }, "PRAC-GPPS", new double[] { 0.002, 0.85 }, "PRAC-CERV", new double[] { 0.27, 0.75 },
			"PRAC-DMHBA", new double[] { 0.05, 0.66 }, "QOF-DM", new double[] { 0.8, 0.062 });

	/** Events per 100,000 registered patients a year of the CCG-level starters, as in the outcomes demo. */
	private static final Map<String, Double> CCG_RATES = Map.of("CCGOIS-1.1", 2061.0, "CCGOIS-1.2", 62.0, "CCGOIS-1.4",
			24.0, "CCGOIS-1.6", 135.0, "CCGOIS-2.6", 810.0, "CCGOIS-2.7", 320.0, "CCGOIS-3.1", 1200.0, "CCGOIS-5.1", 2600.0);

	/** One observed indicator with the levels its synthetic counts are drawn around. */
	record BenchIndicator(Indicator definition, double share, double level) {

		String id() {
			return definition.id();
		}

		boolean practiceLevel() {
			return definition.level() == OutcomesLevel.PRACTICE;
		}
	}

	private OutcomesBenchIndicators() {
	}

	/** Defines what is missing and returns the {@code practiceLevel} practice indicators, then the CCG starters. */
	static List<BenchIndicator> prepare(Indicators indicators, JdbcClient jdbc, int practiceLevel) {
		Map<String, Indicator> defined = indicators.all()
			.stream()
			.collect(Collectors.toMap(Indicator::id, Function.identity()));
		List<BenchIndicator> chosen = new ArrayList<>();
		SplittableRandom random = new SplittableRandom(60);
		for (int index = 0; index < practiceLevel; index++) {
			double share = 0.05 + 0.95 * random.nextDouble();
			double prevalence = 0.004 + 0.14 * random.nextDouble();
			if (index < PRACTICE_STARTERS.size()) {
				String id = PRACTICE_STARTERS.get(index);
				double[] known = KNOWN.getOrDefault(id, new double[] { share, prevalence });
				chosen.add(new BenchIndicator(starter(defined, id), known[0], known[1]));
			}
			else {
				Indicator generated = generated(index - PRACTICE_STARTERS.size() + 1);
				define(jdbc, generated);
				double level = switch (generated.type()) {
					case PROPORTION -> 0.02 + 0.9 * random.nextDouble();
					// Events per patient per month: crude rates are common events, standardised rates rarer ones, so
					// small practices fall below 10 events (exact Poisson limits, suppressed standardised rates).
					case CRUDE_RATE -> 0.0005 + 0.01 * random.nextDouble();
					case DSR -> 0.00005 + 0.002 * random.nextDouble();
				};
				chosen.add(new BenchIndicator(generated, generated.type() == IndicatorType.PROPORTION ? share : 1, level));
			}
		}
		for (String id : CCG_RATES.keySet().stream().sorted().toList()) {
			chosen.add(new BenchIndicator(starter(defined, id), 1, CCG_RATES.get(id) / 100_000 / 12));
		}
		return chosen;
	}

	private static Indicator starter(Map<String, Indicator> defined, String id) {
		Indicator indicator = defined.get(id);
		if (indicator == null) {
			throw new IllegalStateException("The starter indicator " + id + " is not defined");
		}
		return indicator;
	}

	/** The n-th generated indicator: types and polarities in turn, so that any nine cover every combination. */
	static Indicator generated(int n) {
		IndicatorType type = IndicatorType.values()[(n - 1) % 3];
		Polarity polarity = Polarity.values()[((n - 1) / 3) % 3];
		String id = "BENCH-%03d".formatted(n);
		return switch (type) {
			case PROPORTION -> new Indicator(id, "Bench proportion " + n + " (synthetic)", OutcomesDomain.of(1 + n % 5),
					OutcomesLevel.PRACTICE, type, 100, polarity, "Patients meeting synthetic criterion " + n,
					"Patients eligible for synthetic criterion " + n, false, "Outcomes bench (synthetic)",
					StatisticalMethod.WILSON, null);
			case CRUDE_RATE -> new Indicator(id, "Bench crude rate " + n + " (synthetic)", OutcomesDomain.of(1 + n % 5),
					OutcomesLevel.PRACTICE, type, 1000, polarity, "Synthetic events " + n, "Registered patients", true,
					"Outcomes bench (synthetic)", StatisticalMethod.BYAR, null);
			case DSR -> new Indicator(id, "Bench standardised rate " + n + " (synthetic)", OutcomesDomain.of(1 + n % 5),
					OutcomesLevel.PRACTICE, type, 100_000, polarity, "Synthetic events " + n + ", age-standardised",
					"Registered patients", true, "Outcomes bench (synthetic)", StatisticalMethod.DOBSON, null);
		};
	}

	/** Defines a generated indicator as the migrations define the starters; false when the id is already defined. */
	private static boolean define(JdbcClient jdbc, Indicator indicator) {
		return jdbc.sql("""
				insert into outcomes_indicator (id, name, domain, level, type, multiplier, polarity, numerator_definition,
				    denominator_definition, population_denominator, source, method, fingertips_id)
				values (:id, :name, :domain, :level, :type, :multiplier, :polarity, :numerator, :denominator,
				    :population, :source, :method, :fingertips)
				on conflict (id) do nothing
				""")
			.param("id", indicator.id())
			.param("name", indicator.name())
			.param("domain", indicator.domain().number())
			.param("level", indicator.level().name())
			.param("type", indicator.type().name())
			.param("multiplier", indicator.multiplier())
			.param("polarity", indicator.polarity().name())
			.param("numerator", indicator.numeratorDefinition())
			.param("denominator", indicator.denominatorDefinition())
			.param("population", indicator.populationDenominator())
			.param("source", indicator.source())
			.param("method", indicator.method().name())
			.param("fingertips", indicator.fingertipsId())
			.update() > 0;
	}
}
