package org.cocommission.finance;

import java.util.ArrayList;
import java.util.List;

import org.cocommission.finance.allocations.CcgResult;
import org.cocommission.finance.allocations.RunComparison;
import org.cocommission.finance.budgets.IndicativeBudget;
import org.cocommission.finance.budgets.PopulationView;
import org.cocommission.finance.globalsum.GlobalSumPayments;
import org.cocommission.finance.globalsum.PracticeFactor;
import org.cocommission.platform.Table;

/** Exported tables, laid out like NHS England's published allocation annexes. */
public final class FinanceTables {

	private FinanceTables() {
	}

	/**
	 * A weighted population as NHS England's annexes print it: whole people (issue 21, defect 5: no unformatted
	 * number in an export; the weighting itself keeps its precision in the run).
	 */
	static java.math.BigDecimal people(java.math.BigDecimal weighted) {
		return weighted == null ? null : weighted.setScale(0, java.math.RoundingMode.HALF_UP);
	}

	public static Table annex(RunView run, List<CcgResult> results) {
		List<List<Object>> rows = new ArrayList<>();
		for (CcgResult r : results) {
			rows.add(List.of(r.ccgCode(), r.ccgName(), r.rawPopulation(), people(r.weightedPopulation()),
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

	public static Table comparison(RunComparison comparison) {
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

	public static Table budgets(List<IndicativeBudget> budgets) {
		List<List<Object>> rows = new ArrayList<>();
		for (IndicativeBudget budget : budgets) {
			CcgResult r = budget.result();
			rows.add(List.of(budget.year().toString(), budget.programme().label(), r.ccgCode(), r.ccgName(),
					r.rawPopulation(), people(r.weightedPopulation()), r.allocation().thousands(), r.target().thousands(),
					r.distance().thousands(), r.distancePercent(), r.perHead(), r.growthPercent(), budget.runName(),
					budget.publishedOn().toString()));
		}
		return new Table("Indicative budgets", List.of("Year", "Programme", "CCG code", "CCG", "Raw population",
				"Weighted population", "Allocation £k", "Target £k", "Distance from target £k", "Distance from target %",
				"Allocation £ per head", "Growth %", "Published from run", "Published on"), rows);
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

	public static Table formulaWeights(FormulaView formula) {
		List<List<Object>> rows = new ArrayList<>();
		for (String band : org.cocommission.directory.PopulationQueries.AGE_BANDS) {
			rows.add(List.of(band, formula.costCurve().male().get(band), formula.costCurve().female().get(band)));
		}
		return new Table("Cost curve", List.of("Age band", "Male cost index", "Female cost index"), rows);
	}

	public static Table populationView(PopulationView view) {
		List<List<Object>> rows = new ArrayList<>();
		for (PopulationView.Line line : view.lines()) {
			rows.add(java.util.Arrays.asList(line.service(), line.ccgPerHead(), line.peersPerHead(),
					line.englandPerHead()));
		}
		return new Table("Spend per head " + view.ccgCode(), List.of("Service", view.ccgName() + " £ per head",
				"Peer CCGs £ per head", "England £ per head"), rows);
	}

	public static Table peers(PopulationView view) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of(view.self().ccgCode(), view.self().ccgName() + " (this CCG)", view.self().needIndex(),
				view.self().percentAged65Plus()));
		for (PopulationView.Peer peer : view.peers()) {
			rows.add(List.of(peer.ccgCode(), peer.ccgName(), peer.needIndex(), peer.percentAged65Plus()));
		}
		return new Table("Peer CCGs", List.of("CCG code", "CCG", "Need index (weighted / registered)",
				"% aged 65 and over"), rows);
	}

	public static Table ccgFactors(FormulaView formula) {
		List<List<Object>> rows = new ArrayList<>();
		for (CcgFactor factor : formula.ccgFactors()) {
			rows.add(List.of(factor.ccgCode(), factor.additionalNeed(), factor.marketForcesFactor(),
					factor.inequalityIndex()));
		}
		return new Table("CCG indices", List.of("CCG code", "Additional need index", "Market forces factor",
				"Inequality index"), rows);
	}

	public static Table globalSumCoefficients(FormulaView formula) {
		List<List<Object>> rows = new ArrayList<>();
		formula.globalSum().forEach((name, value) -> rows.add(List.of(name, value)));
		return new Table("Global sum coefficients", List.of("Coefficient", "Value"), rows);
	}

	public static Table runs(List<RunView> runs) {
		List<List<Object>> rows = new ArrayList<>();
		for (RunView run : runs) {
			rows.add(List.of(run.id(), run.name(), run.year().toString(), run.programme().label(), run.envelope(),
					run.specialisedEnvelope(), run.pace().summary(), run.published() ? "Published" : "Not published"));
		}
		return new Table("Allocation runs", List.of("Run", "Name", "Year", "Programme", "Envelope £",
				"Specialised (held nationally) £", "Pace of change", "Status"), rows);
	}

	public static Table practiceFactors(List<PracticeFactor> factors) {
		List<List<Object>> rows = new ArrayList<>();
		for (PracticeFactor f : factors) {
			rows.add(List.of(f.practiceCode(), f.additionalNeeds(), f.listTurnover(), f.marketForcesFactor(),
					f.rurality(), f.nursingHomePatients()));
		}
		return new Table("Practice indices", List.of("Practice code", "Additional needs index", "List turnover index",
				"Market forces factor", "Rurality index", "Nursing and residential home patients"), rows);
	}
}
