package org.cocommission.finance.globalsum;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.cocommission.directory.PopulationQueries;
import org.cocommission.finance.FinanceFormulas;
import org.cocommission.finance.FormulaView;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The practice global sum per CCG: each member practice's weighted list and quarterly payment. */
@Service
@Transactional(readOnly = true)
public class GlobalSumPayments {

	/** A CCG's practices at an extract under a published formula's coefficients. */
	/** {@code practicesWithFactors}: how many practices in England have their own component indices. */
	public record CcgGlobalSum(String ccgCode, LocalDate extract, long formulaId, String formulaName,
			Money pricePerWeightedPatient, int practicesWithFactors, List<Payment> practices) {

		public Money annualTotal() {
			return practices.stream().map(Payment::annual).reduce(Money.ZERO, Money::plus);
		}

		public Money quarterlyTotal() {
			return practices.stream().map(Payment::quarterly).reduce(Money.ZERO, Money::plus);
		}
	}

	public record Payment(String practiceCode, String practiceName, long registeredList,
			java.math.BigDecimal weightedList, Money annual, Money quarterly) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final FinanceFormulas formulas;

	private final PopulationQueries populations;

	GlobalSumPayments(JdbcClient jdbc, AccessPolicy access, FinanceFormulas formulas, PopulationQueries populations) {
		this.jdbc = jdbc;
		this.access = access;
		this.formulas = formulas;
		this.populations = populations;
	}

	/**
	 * What every CCG's page shares at an extract under a published formula: England's scale, the formula itself and
	 * its practice indices, and every practice's list by age and sex grouped by its CCG that day.
	 */
	private record EnglandBasis(java.math.BigDecimal scale, FormulaView formula,
			Map<String, GlobalSum.PracticeFactors> factors, Map<String, List<PopulationQueries.PracticePopulation>> byCcg) {
	}

	private record BasisKey(LocalDate extract, long formulaId) {
	}

	/**
	 * England's scale needs every practice's list by age and sex (about 3 s for 7,800 practices), yet is the same for
	 * every CCG until the lists change or another formula is published (a published formula never changes). The same
	 * pass reads every CCG's practices, so they are kept with it, and a page reads nothing more from the lists: kept
	 * here (a few megabytes at national scale), and forgotten whenever the directory changes (issue 21: the page in
	 * under 300 ms, measured by bench/finance-global-sum).
	 */
	private final Map<BasisKey, EnglandBasis> bases = new java.util.concurrent.ConcurrentHashMap<>();

	/** The latest extract by age and sex, read once until the directory changes. */
	private final java.util.concurrent.atomic.AtomicReference<Optional<LocalDate>> latestExtract = new java.util.concurrent.atomic.AtomicReference<>();

	private EnglandBasis englandBasis(LocalDate extract, long formulaId) {
		return bases.computeIfAbsent(new BasisKey(extract, formulaId), key -> {
			FormulaView formula = formulas.load(formulaId);
			Map<String, GlobalSum.PracticeFactors> factors = formulas.practiceFactors(formulaId)
				.stream()
				.collect(java.util.stream.Collectors.toMap(PracticeFactor::practiceCode, PracticeFactor::components));
			List<PopulationQueries.PracticePopulation> england = populations.practicePopulations(extract, null);
			Map<String, List<PopulationQueries.PracticePopulation>> byCcg = england.stream()
				.filter(practice -> practice.ccgCode() != null)
				.collect(java.util.stream.Collectors.groupingBy(PopulationQueries.PracticePopulation::ccgCode));
			return new EnglandBasis(GlobalSum.scale(england, formula.globalSum(), factors), formula, Map.copyOf(factors),
					Map.copyOf(byCcg));
		});
	}

	private Optional<LocalDate> latestExtract() {
		return latestExtract.updateAndGet(known -> known != null ? known
				: populations.extractDates().stream().reduce((first, second) -> second));
	}

	/** Registered lists or practices changed: England's scale is worked out again on the next page. */
	@org.springframework.context.event.EventListener
	void on(org.cocommission.directory.DirectoryChanged changed) {
		latestExtract.set(null);
		bases.clear();
	}

	/** The CCGs whose global sum the signed-in user may see. */
	public List<PopulationQueries.CcgRef> visibleCcgs() {
		var user = access.requireUser();
		return populations.ccgs().stream().filter(ccg -> access.canSee(user, ccg.code())).toList();
	}

	/** At the latest extract by age and sex, with the latest published formula; refused outside the user's scope. */
	public CcgGlobalSum forCcg(String ccgCode) {
		access.checkCanSee(ccgCode);
		LocalDate extract = latestExtract()
			.orElseThrow(() -> new NoSuchElementException("There are no registered lists by age and sex yet"));
		long formulaId = latestPublishedFormula()
			.orElseThrow(() -> new NoSuchElementException("No formula is published yet"));
		EnglandBasis basis = englandBasis(extract, formulaId);
		FormulaView formula = basis.formula();
		var shown = basis.byCcg().getOrDefault(ccgCode, List.of());
		List<Payment> payments = basis.scale() == null ? List.of()
				: GlobalSum.payments(shown, basis.scale(), formula.globalSum(), basis.factors())
					.stream()
					.map(p -> new Payment(p.practiceCode(), p.practiceName(), p.registeredList(), p.weightedList(),
							p.annual(), p.quarterly()))
					.toList();
		Map<String, GlobalSum.PracticeFactors> factors = basis.factors();
		return new CcgGlobalSum(ccgCode, extract, formulaId, formula.name(),
				new Money(formula.globalSum().get(GlobalSum.Coefficients.PRICE)), factors.size(), payments);
	}

	/**
	 * Works England's pass out for the latest extract and published formula ahead of the first reader, as the system
	 * (no one's scope is involved: it reads every practice); false when there is no extract or formula yet.
	 */
	public boolean prepareLatest() {
		Optional<LocalDate> extract = latestExtract();
		Optional<Long> formulaId = latestPublishedFormula();
		if (extract.isEmpty() || formulaId.isEmpty()) {
			return false;
		}
		englandBasis(extract.get(), formulaId.get());
		return true;
	}

	private Optional<Long> latestPublishedFormula() {
		return jdbc.sql("select id from finance_formula where status = 'PUBLISHED'"
				+ " order by financial_year desc, published_at desc limit 1")
			.query(Long.class)
			.optional();
	}
}
