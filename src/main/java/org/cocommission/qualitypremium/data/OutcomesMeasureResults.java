package org.cocommission.qualitypremium.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.ValueRow;
import org.cocommission.platform.FinancialYear;
import org.cocommission.qualitypremium.schemes.Measure;
import org.cocommission.qualitypremium.schemes.Scheme;
import org.cocommission.qualitypremium.schemes.SchemeStore;

/**
 * Measure values from the outcomes capability's computed CCG values (issue 7: "uses the outcomes capability's computed
 * values when present, and uploads otherwise"). A measure is fed by the outcomes indicator its scheme maps it to, for
 * the scheme year and its baseline period (a CCG's measure only when the indicator has both); both modules name a
 * financial year the same way ("2013/14"). Standards and
 * gateways are not outcomes indicators, so they always come from uploads.
 */
@Component
class OutcomesMeasureResults implements MeasureResultSource {

	private final SchemeStore schemes;

	private final Indicators indicators;

	private final OutcomesValues values;

	OutcomesMeasureResults(SchemeStore schemes, Indicators indicators, OutcomesValues values) {
		this.schemes = schemes;
		this.indicators = indicators;
		this.values = values;
	}

	@Override
	public Map<String, CcgInputs> inputs(FinancialYear year) {
		var scheme = schemes.find(year);
		if (scheme.isEmpty()) {
			return Map.of();
		}
		Map<String, String> mapping = schemes.indicatorIds(year);
		Map<String, Map<String, Map<String, CcgInputs.Value>>> byCcg = new TreeMap<>();
		for (Measure measure : measuresAndParts(scheme.get())) {
			String indicator = mapping.get(measure.code());
			if (indicator == null || indicators.find(indicator).isEmpty()) {
				continue;
			}
			List<String> periods = new ArrayList<>(List.of(year.toString()));
			if (measure.baselinePeriod() != null && !measure.baselinePeriod().isBlank()) {
				periods.add(measure.baselinePeriod());
			}
			Map<String, Map<String, CcgInputs.Value>> measureByCcg = new TreeMap<>();
			for (String period : periods) {
				for (ValueRow row : values.values(indicator, OutcomesLevel.CCG, period, null)) {
					if (row.value() != null) {
						measureByCcg.computeIfAbsent(row.orgCode(), k -> new TreeMap<>())
							.put(period, new CcgInputs.Value(BigDecimal.valueOf(row.value()),
									BigDecimal.valueOf(row.numerator()), BigDecimal.valueOf(row.denominator()), null));
					}
				}
			}
			// A reduction compares the year with its baseline: both from the indicator, or neither (an indicator's
			// rate against an uploaded figure on another basis would judge nothing).
			measureByCcg.forEach((ccg, byPeriod) -> {
				if (byPeriod.keySet().containsAll(periods)) {
					byCcg.computeIfAbsent(ccg, k -> new TreeMap<>()).put(measure.code(), byPeriod);
				}
			});
		}
		Map<String, CcgInputs> inputs = new TreeMap<>();
		byCcg.forEach((ccg, measures) -> inputs.put(ccg, new CcgInputs(ccg, measures, Map.of(), Map.of())));
		return inputs;
	}

	@Override
	public String describe(FinancialYear year) {
		return "outcomes indicators (computed CCG values)";
	}

	@Override
	public String origin(FinancialYear year, String measureCode) {
		String indicator = schemes.indicatorIds(year).get(measureCode);
		return indicator == null ? describe(year) : "outcomes indicator " + indicator;
	}

	private static List<Measure> measuresAndParts(Scheme scheme) {
		List<Measure> all = new ArrayList<>();
		for (Measure measure : scheme.measures()) {
			all.add(measure);
			all.addAll(measure.parts());
		}
		return all;
	}
}
