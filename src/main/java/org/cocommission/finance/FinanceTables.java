package org.cocommission.finance;

import java.util.ArrayList;
import java.util.List;

import org.cocommission.platform.Table;

/** Exported tables, laid out like NHS England's published allocation annexes. */
final class FinanceTables {

	private FinanceTables() {
	}

	static Table annex(RunView run, List<CcgResult> results) {
		List<List<Object>> rows = new ArrayList<>();
		for (CcgResult r : results) {
			rows.add(List.of(r.ccgCode(), r.ccgName(), r.rawPopulation(), r.weightedPopulation(),
					r.allocation().thousands(), r.target().thousands(), r.distance().thousands(), r.distancePercent(),
					r.perHead(), r.targetPerHead(), r.baseline().thousands(), r.growthPercent(), r.targetSharePercent(),
					r.allocation()));
		}
		return new Table("Allocations " + run.year().toString().replace('/', '-'),
				List.of("CCG code", "CCG", "Raw population", "Weighted population", "Allocation £k", "Target £k",
						"Distance from target £k", "Distance from target %", "Allocation £ per head",
						"Target £ per head", "Baseline £k", "Growth %", "Target share %", "Allocation £"),
				rows);
	}

	static Table comparison(RunComparison comparison) {
		List<List<Object>> rows = new ArrayList<>();
		for (RunComparison.Line line : comparison.lines()) {
			rows.add(List.of(line.ccgCode(), line.ccgName(), line.firstAllocation().thousands(),
					line.secondAllocation().thousands(), line.difference().thousands(), line.firstDistancePercent(),
					line.secondDistancePercent()));
		}
		return new Table("Comparison", List.of("CCG code", "CCG", "Run " + comparison.first().id() + " allocation £k",
				"Run " + comparison.second().id() + " allocation £k", "Difference £k",
				"Run " + comparison.first().id() + " distance %", "Run " + comparison.second().id() + " distance %"), rows);
	}

	static Table budgets(List<IndicativeBudget> budgets) {
		List<List<Object>> rows = new ArrayList<>();
		for (IndicativeBudget budget : budgets) {
			CcgResult r = budget.result();
			rows.add(List.of(budget.year().toString(), budget.programme().label(), r.ccgCode(), r.ccgName(),
					r.rawPopulation(), r.weightedPopulation(), r.allocation().thousands(), r.target().thousands(),
					r.distance().thousands(), r.distancePercent(), r.perHead(), r.growthPercent()));
		}
		return new Table("Indicative budgets", List.of("Year", "Programme", "CCG code", "CCG", "Raw population",
				"Weighted population", "Allocation £k", "Target £k", "Distance from target £k", "Distance from target %",
				"Allocation £ per head", "Growth %"), rows);
	}

	static Table globalSum(GlobalSumPayments.CcgGlobalSum sum) {
		List<List<Object>> rows = new ArrayList<>();
		for (GlobalSumPayments.Payment p : sum.practices()) {
			rows.add(List.of(p.practiceCode(), p.practiceName(), p.registeredList(), p.weightedList(), p.annual(),
					p.quarterly()));
		}
		return new Table("Global sum " + sum.ccgCode(), List.of("Practice code", "Practice", "Registered list",
				"Weighted list", "Annual global sum £", "Quarterly payment £"), rows);
	}

	static Table formulaWeights(FormulaView formula) {
		List<List<Object>> rows = new ArrayList<>();
		for (String band : org.cocommission.directory.PopulationQueries.AGE_BANDS) {
			rows.add(List.of(band, formula.costCurve().male().get(band), formula.costCurve().female().get(band)));
		}
		return new Table("Cost curve", List.of("Age band", "Male cost index", "Female cost index"), rows);
	}
}
