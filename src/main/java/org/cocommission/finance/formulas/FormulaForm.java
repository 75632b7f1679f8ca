package org.cocommission.finance.formulas;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.cocommission.directory.PopulationQueries;
import org.cocommission.finance.CostCurve;
import org.cocommission.finance.FormulaDraft;
import org.cocommission.finance.FormulaView;
import org.cocommission.finance.allocations.RunForm;
import org.cocommission.finance.globalsum.GlobalSum;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;

/**
 * A draft formula's form: its name, effective year, the inequalities adjustment shares in percent, the cost curve's
 * weights in the order of {@link PopulationQueries#AGE_BANDS} for each sex, and the global sum coefficients in the
 * order of {@link #coefficientNames()} (a blank one keeps its default).
 */
record FormulaForm(@NotBlank(message = "Enter a name for the formula") @Size(max = 200, message = "Keep the name to 200 characters") String name,
		@NotNull(message = "Enter the financial year the formula takes effect, such as 2015/16") FinancialYear year,
		@NotNull(message = "The CCG inequalities adjustment is required") BigDecimal inequalitiesShareCcg,
		@NotNull(message = "The primary care inequalities adjustment is required") BigDecimal inequalitiesSharePrimaryCare,
		List<@NotNull(message = "Enter the male weight for this age band") @PositiveOrZero(message = "A weight cannot be negative") BigDecimal> male,
		List<@NotNull(message = "Enter the female weight for this age band") @PositiveOrZero(message = "A weight cannot be negative") BigDecimal> female,
		List<@PositiveOrZero(message = "A global sum coefficient must be 0 or more") BigDecimal> globalSum) {

	/** One value a band (and a coefficient), blank where none was sent, so the form shows every field again. */
	FormulaForm {
		male = sized(male, PopulationQueries.AGE_BANDS.size());
		female = sized(female, PopulationQueries.AGE_BANDS.size());
		globalSum = sized(globalSum, coefficientNames().size());
	}

	private static List<BigDecimal> sized(List<BigDecimal> values, int size) {
		List<BigDecimal> sized = new ArrayList<>(values == null ? List.of() : values);
		while (sized.size() < size) {
			sized.add(null);
		}
		return sized;
	}

	static FormulaForm of(FormulaView formula) {
		List<BigDecimal> male = new ArrayList<>();
		List<BigDecimal> female = new ArrayList<>();
		for (String band : PopulationQueries.AGE_BANDS) {
			male.add(RunForm.plain(formula.costCurve().male().get(band)));
			female.add(RunForm.plain(formula.costCurve().female().get(band)));
		}
		List<BigDecimal> globalSum = coefficientNames().stream()
			.map(name -> formula.globalSum().get(name))
			.map(value -> value == null ? null : RunForm.plain(value))
			.toList();
		return new FormulaForm(formula.name(), formula.effectiveYear(), RunForm.percent(formula.inequalitiesShareCcg()),
				RunForm.percent(formula.inequalitiesSharePrimaryCare()), male, female, globalSum);
	}

	/** The global sum coefficients a formula holds, in the order the form lists them. */
	static List<String> coefficientNames() {
		return List.copyOf(GlobalSum.Coefficients.defaults().keySet());
	}

	/** The draft to save; a cost curve or share the formula's own rules refuse is refused on the form as a whole. */
	FormulaDraft draft() {
		Map<String, BigDecimal> maleWeights = weights(male);
		Map<String, BigDecimal> femaleWeights = weights(female);
		Map<String, BigDecimal> coefficients = new LinkedHashMap<>();
		List<String> names = coefficientNames();
		for (int i = 0; i < Math.min(names.size(), globalSum.size()); i++) {
			if (globalSum.get(i) != null) {
				coefficients.put(names.get(i), globalSum.get(i));
			}
		}
		try {
			return new FormulaDraft(name.trim(), year, fraction(inequalitiesShareCcg),
					fraction(inequalitiesSharePrimaryCare), new CostCurve(maleWeights, femaleWeights), coefficients);
		}
		catch (InvalidInputException ex) {
			throw ex;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("formula", ex.getMessage());
		}
	}

	private static Map<String, BigDecimal> weights(List<BigDecimal> values) {
		Map<String, BigDecimal> weights = new LinkedHashMap<>();
		List<String> bands = PopulationQueries.AGE_BANDS;
		for (int i = 0; i < Math.min(bands.size(), values.size()); i++) {
			weights.put(bands.get(i), values.get(i));
		}
		return weights;
	}

	private static BigDecimal fraction(BigDecimal percent) {
		return percent.divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
	}
}
