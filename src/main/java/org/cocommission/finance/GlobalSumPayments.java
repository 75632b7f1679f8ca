package org.cocommission.finance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.cocommission.directory.PopulationQueries;
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

	/** The CCGs whose global sum the signed-in user may see. */
	public List<PopulationQueries.CcgRef> visibleCcgs() {
		var user = access.requireUser();
		return populations.ccgs().stream().filter(ccg -> access.canSee(user, ccg.code())).toList();
	}

	/** At the latest extract by age and sex, with the latest published formula; refused outside the user's scope. */
	public CcgGlobalSum forCcg(String ccgCode) {
		access.checkCanSee(ccgCode);
		LocalDate extract = populations.extractDates()
			.stream()
			.reduce((first, second) -> second)
			.orElseThrow(() -> new NoSuchElementException("There are no registered lists by age and sex yet"));
		long formulaId = jdbc.sql("select id from finance_formula where status = 'PUBLISHED'"
				+ " order by financial_year desc, published_at desc limit 1")
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No formula is published yet"));
		FormulaView formula = formulas.load(formulaId);
		var england = populations.practicePopulations(extract, null);
		var shown = england.stream().filter(p -> ccgCode.equals(p.ccgCode())).toList();
		Map<String, GlobalSum.PracticeFactors> factors = formulas.practiceFactors(formulaId)
			.stream()
			.collect(java.util.stream.Collectors.toMap(PracticeFactor::practiceCode, PracticeFactor::components));
		List<Payment> payments = GlobalSum.payments(england, shown, formula.globalSum(), factors)
			.stream()
			.map(p -> new Payment(p.practiceCode(), p.practiceName(), p.registeredList(), p.weightedList(), p.annual(),
					p.quarterly()))
			.toList();
		return new CcgGlobalSum(ccgCode, extract, formulaId, formula.name(),
				new Money(formula.globalSum().get(GlobalSum.Coefficients.PRICE)), factors.size(), payments);
	}
}
