package org.cocommission.workforce.measures;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.OutcomesDomain;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.SuppliedIndicator;
import org.cocommission.outcomes.SuppliedIndicators;
import org.cocommission.outcomes.SuppliedValues;
import org.cocommission.outcomes.SupplyReport;
import org.cocommission.workforce.WorkforceMeasure;
import org.cocommission.workforce.WorkforceMeasures;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Workforce measures as outcomes indicators, so that the outcomes spine chart, deciles, peers and alerts include them
 * (docs/domain-rules.md#measures-as-outcomes-indicators). Every practice-level import supplies the month's practice
 * figures to outcomes through its API just before its transaction commits, so both stand or fall together: workforce
 * already depends on outcomes (for peers), so outcomes listening to a workforce event would make a cycle.
 */
@Component
public class WorkforceIndicators {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WorkforceIndicators.class);

	/** How outcomes knows who supplies these indicators. */
	static final String SUPPLIER = "workforce";

	private static final String SOURCE = "NHS Digital, General Practice Workforce (practice level)";

	private static final String PATIENTS = "Registered patients (TOTAL_PATIENTS)";

	/** The measures outcomes shows, each with its indicator there. */
	static final Map<WorkforceMeasure, SuppliedIndicator> INDICATORS = indicators();

	private final WorkforceMeasures measures;

	private final SuppliedIndicators outcomes;

	private final OutcomesValues values;

	WorkforceIndicators(WorkforceMeasures measures, SuppliedIndicators outcomes, OutcomesValues values) {
		this.measures = measures;
		this.outcomes = outcomes;
		this.values = values;
	}

	/** The months with practice figures whose GP FTE per 10,000 patients outcomes has no England value of. */
	public List<YearMonth> monthsMissing() {
		Set<String> supplied = Set.copyOf(values.periods(INDICATORS.get(WorkforceMeasure.GP_FTE_PER_10K).id()));
		return measures.months().stream().filter(month -> !supplied.contains(month.toString())).toList();
	}

	/**
	 * Supplies the month's practice values of each measure to outcomes just before the caller's transaction commits
	 * (at once without one), with every other month imported in the same transaction: outcomes then recomputes and
	 * re-checks its alerts once for them all, as the demo's three Septembers are loaded.
	 */
	public void supplyBeforeCommit(YearMonth month) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			supply(new TreeSet<>(Set.of(month)));
			return;
		}
		@SuppressWarnings("unchecked")
		Set<YearMonth> pending = (Set<YearMonth>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			Set<YearMonth> months = new TreeSet<>();
			TransactionSynchronizationManager.bindResource(this, months);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					supply(months);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(WorkforceIndicators.this);
				}
			});
			pending = months;
		}
		pending.add(month);
	}

	/**
	 * Supplies the months' practice values of each measure, replacing what was supplied for those months before; a
	 * practice with a withheld figure has no value, never zero.
	 */
	private SupplyReport supply(Set<YearMonth> months) {
		long started = System.nanoTime();
		outcomes.define(SUPPLIER, List.copyOf(INDICATORS.values()));
		List<SuppliedValues> slices = new ArrayList<>();
		for (YearMonth month : months) {
			measures.practiceRows(List.copyOf(INDICATORS.keySet()), month).forEach((measure, rows) -> slices.add(
					new SuppliedValues(INDICATORS.get(measure).id(), month.toString(), rows.stream()
						.filter(row -> !row.withheld() && row.numerator() != null && row.denominator() != null)
						.map(row -> new SuppliedValues.Practice(row.orgCode(), row.numerator().doubleValue(),
								row.denominator().doubleValue()))
						.toList())));
		}
		SupplyReport report = outcomes.supply(SUPPLIER, "practice-level files of "
				+ String.join(", ", months.stream().map(YearMonth::toString).toList()), slices);
		log.info("Supplied {} workforce values of {} to outcomes in {} ms", report.stored(), months,
				(System.nanoTime() - started) / 1_000_000);
		return report;
	}

	private static Map<WorkforceMeasure, SuppliedIndicator> indicators() {
		Map<WorkforceMeasure, SuppliedIndicator> indicators = new LinkedHashMap<>();
		indicators.put(WorkforceMeasure.GP_FTE_PER_10K, new SuppliedIndicator("WF-GP-FTE-PER-10K",
				"GP FTE per 10,000 registered patients", OutcomesDomain.CAPACITY, IndicatorType.CRUDE_RATE, 10_000,
				Polarity.HIGH_IS_GOOD, "GP full-time equivalents, 37.5 hours a week (TOTAL_GP_FTE)", PATIENTS, SOURCE));
		indicators.put(WorkforceMeasure.NURSE_FTE_PER_10K, new SuppliedIndicator("WF-NURSES-FTE-PER-10K",
				"Nurse FTE per 10,000 registered patients", OutcomesDomain.CAPACITY, IndicatorType.CRUDE_RATE, 10_000,
				Polarity.HIGH_IS_GOOD, "Nurse full-time equivalents, 37.5 hours a week (TOTAL_NURSES_FTE)", PATIENTS,
				SOURCE));
		indicators.put(WorkforceMeasure.PATIENTS_PER_GP_FTE, new SuppliedIndicator("WF-PATIENTS-PER-GP-FTE",
				"Registered patients per GP FTE", OutcomesDomain.CAPACITY, IndicatorType.CRUDE_RATE, 1,
				// No judgement: its interval, on the patients, is so narrow that nearly every rise would be an alert;
				// GP FTE per 10,000 patients, the same figures the other way up, carries the judgement.
				Polarity.NO_JUDGEMENT, PATIENTS, "GP full-time equivalents, 37.5 hours a week (TOTAL_GP_FTE)", SOURCE));
		indicators.put(WorkforceMeasure.GP_55_PLUS_SHARE, new SuppliedIndicator("WF-GP-55-PLUS",
				"Share of GPs aged 55 and over (headcount)", OutcomesDomain.CAPACITY, IndicatorType.PROPORTION, 100,
				// A field name at the end, in brackets, is left off the pages (OutcomesCharts.definition).
				Polarity.LOW_IS_GOOD, "GPs in the age bands from 55, headcount (TOTAL_GP_HC_55TO59)",
				"GPs, headcount (TOTAL_GP_HC)", SOURCE));
		return Collections.unmodifiableMap(indicators);
	}
}
