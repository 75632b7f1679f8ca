package org.cocommission.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.directory.Directory;
import org.cocommission.directory.PopulationQueries;
import org.cocommission.finance.AllocationRuns.BaselineRow;
import org.cocommission.finance.AllocationRuns;
import org.cocommission.finance.CcgFactor;
import org.cocommission.finance.CostCurve;
import org.cocommission.finance.FinanceFormulas;
import org.cocommission.finance.FormulaDraft;
import org.cocommission.finance.FormulaView;
import org.cocommission.finance.PaceOfChange;
import org.cocommission.finance.Programme;
import org.cocommission.finance.RunRequest;
import org.cocommission.finance.RunView;
import org.cocommission.identity.ActingAs;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Synthetic finance data built through the finance API, acting as the demo {@code national} user: a published
 * 2014/15 formula with a plausible age/sex cost curve and per-CCG indices, 2013/14 baselines (a flat +2.3% on a
 * plausible prior spread around target), and published 2014/15 runs for core CCG services and primary care, so
 * {@code ccg-00k} sees its indicative budget at once. Every name says it is synthetic.
 */
@Component
@Order(20)
public class FinanceDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FinanceDemo.class);

	private static final FinancialYear YEAR = new FinancialYear(2014);

	/** 2013/14 per head of registered population: CCG allocations (about £63.4bn), primary care medical, specialised. */
	private static final BigDecimal CORE_PER_HEAD = new BigDecimal("1132");

	private static final BigDecimal PRIMARY_PER_HEAD = new BigDecimal("118");

	private static final BigDecimal SPECIALISED_PER_HEAD = new BigDecimal("233");

	private final FinanceFormulas formulas;

	private final AllocationRuns runs;

	private final PopulationQueries populations;

	private final Directory directory;

	private final DemoUsers users;

	private final boolean enabled;

	FinanceDemo(FinanceFormulas formulas, AllocationRuns runs, PopulationQueries populations, Directory directory,
			DemoUsers users, @Value("${cocommission.demo:false}") boolean enabled) {
		this.formulas = formulas;
		this.runs = runs;
		this.populations = populations;
		this.directory = directory;
		this.users = users;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		ActingAs.system(this::loadAtStart);
	}

	private void loadAtStart() {
		if (enabled) {
			loadUnlessPresent();
		}
	}

	/** Loads the finance demo when the directory is the synthetic one and finance has no data yet. */
	public boolean loadUnlessPresent() {
		if (!directory.isSynthetic() || runs.hasAnyData()) {
			return false;
		}
		List<LocalDate> extracts = populations.extractDates().stream().filter(d -> !d.isAfter(YEAR.firstDay())).toList();
		if (extracts.isEmpty()) {
			log.warn("No registered lists by age and sex before {}: the finance demo is not loaded", YEAR.firstDay());
			return false;
		}
		if (!users.exists(DemoUsers.NATIONAL)) {
			log.warn("No demo user 'national': the finance demo is not loaded");
			return false;
		}
		long started = System.nanoTime();
		users.asNational(() -> load(extracts.get(extracts.size() - 1)));
		log.info("Loaded the synthetic finance demo in {} ms", (System.nanoTime() - started) / 1_000_000);
		return true;
	}

	private void load(LocalDate extract) {
		Random random = new Random(20_14_15);
		FormulaView draft = formulas.createDraft(new FormulaDraft("Weighted capitation 2014/15 (synthetic demo)", YEAR,
				new BigDecimal("0.10"), new BigDecimal("0.15"), costCurve(), Map.of()));
		List<CcgFactor> factors = new ArrayList<>();
		for (PopulationQueries.CcgRef ccg : populations.ccgs()) {
			Random draw = new Random(ccg.code().hashCode());
			factors.add(new CcgFactor(ccg.code(), between(draw, 0.88, 1.15), between(draw, 0.96, 1.12),
					between(draw, 0.75, 1.35)));
		}
		FormulaView withFactors = formulas.setCcgFactors(draft.id(), draft.version(), factors);
		FormulaView formula = formulas.publish(withFactors.id(), withFactors.version());
		AllocationRuns.TargetShares targetShares = runs.targetShares(formula.id(), extract);
		long people = targetShares.registeredPopulation();
		for (Programme programme : Programme.values()) {
			BigDecimal perHead = programme == Programme.CORE_CCG ? CORE_PER_HEAD : PRIMARY_PER_HEAD;
			Map<String, BigDecimal> shares = targetShares.byProgramme().get(programme);
			BigDecimal envelope1314 = perHead.multiply(BigDecimal.valueOf(people));
			List<BaselineRow> baseline = new ArrayList<>();
			BigDecimal baselineTotal = BigDecimal.ZERO;
			for (var share : shares.entrySet()) {
				// A prior spread around target, then the flat 2.3% of 2013/14.
				BigDecimal prior = envelope1314.divide(new BigDecimal("1.023"), 10, RoundingMode.HALF_UP)
					.multiply(share.getValue())
					.multiply(BigDecimal.ONE.add(between(random, -0.10, 0.11)));
				Money allocation = new Money(prior.multiply(new BigDecimal("1.023")));
				baseline.add(new BaselineRow(share.getKey(), allocation));
				baselineTotal = baselineTotal.add(allocation.pounds());
			}
			runs.importBaseline(YEAR.previous(), programme, baseline);
			Money envelope = new Money(baselineTotal.multiply(new BigDecimal("1.025")));
			RunView run = runs.create(new RunRequest(programme.label() + " 2014/15 (synthetic demo)", YEAR, programme,
					formula.id(), extract, envelope,
					new Money(SPECIALISED_PER_HEAD.multiply(BigDecimal.valueOf(people))),
					new PaceOfChange(new BigDecimal("0.0214"), new BigDecimal("0.06"), new BigDecimal("0.30"),
							new BigDecimal("0.0214"))));
			runs.publish(run.id());
		}
	}

	/** Relative cost per person by 5-year band: high for infants, low in childhood, rising steeply after 65. */
	static CostCurve costCurve() {
		double[] male = { 1.25, 0.55, 0.50, 0.60, 0.62, 0.65, 0.70, 0.78, 0.88, 1.00, 1.15, 1.35, 1.60, 1.95, 2.45, 3.05,
				3.80, 4.60, 5.40 };
		double[] female = { 1.10, 0.50, 0.48, 0.75, 1.05, 1.25, 1.30, 1.10, 0.95, 1.02, 1.12, 1.28, 1.48, 1.80, 2.25,
				2.85, 3.60, 4.40, 5.10 };
		Map<String, BigDecimal> m = new LinkedHashMap<>();
		Map<String, BigDecimal> f = new LinkedHashMap<>();
		for (int i = 0; i < PopulationQueries.AGE_BANDS.size(); i++) {
			m.put(PopulationQueries.AGE_BANDS.get(i), BigDecimal.valueOf(male[i]));
			f.put(PopulationQueries.AGE_BANDS.get(i), BigDecimal.valueOf(female[i]));
		}
		return new CostCurve(m, f);
	}

	private static BigDecimal between(Random random, double from, double to) {
		return BigDecimal.valueOf(from + random.nextDouble() * (to - from)).setScale(4, RoundingMode.HALF_UP);
	}
}
