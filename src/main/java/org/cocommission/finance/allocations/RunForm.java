package org.cocommission.finance.allocations;

import java.math.BigDecimal;
import java.math.MathContext;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.cocommission.finance.PaceOfChange;
import org.cocommission.finance.Programme;
import org.cocommission.finance.RunRequest;
import org.cocommission.finance.RunView;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Money;

/**
 * The run form, and the API's body for a new run: amounts in pounds, growth figures as percentages as typed (2.14
 * means 2.14%), the year as written ({@code 2014/15}), bound as a {@link FinancialYear} in the form and the body alike.
 */
public record RunForm(@NotBlank(message = "A run needs a name") @Size(max = 200, message = "Keep the name to 200 characters") String name,
		@NotNull(message = "Enter the financial year, such as 2014/15") FinancialYear year,
		@NotNull(message = "Choose a programme") Programme programme,
		@NotNull(message = "Choose a published formula") Long formulaId,
		@NotNull(message = "Enter the envelope in pounds") @Positive(message = "The envelope must be a positive amount") BigDecimal envelope,
		@PositiveOrZero(message = "The specialised envelope cannot be negative") BigDecimal specialisedEnvelope,
		@NotNull(message = "Minimum growth is required") BigDecimal minimumGrowth,
		@NotNull(message = "Maximum growth is required") BigDecimal maximumGrowth,
		@NotNull(message = "The share of the gap closed is required") BigDecimal gapClosure,
		@NotNull(message = "The floor is required") BigDecimal overTargetFloor) {

	static RunForm from(RunView run) {
		return new RunForm(run.name(), run.year(), run.programme(), run.formulaId(), run.envelope().pounds(),
				run.specialisedEnvelope().pounds(), percent(run.pace().minimumGrowth()),
				percent(run.pace().maximumGrowth()), percent(run.pace().gapClosure()),
				percent(run.pace().overTargetFloor()));
	}

	/** The run to make; a pace of change that does not hold together refused on its field. */
	public RunRequest request() {
		return new RunRequest(name, year, programme, formulaId, null, new Money(envelope),
				specialisedEnvelope == null ? Money.ZERO : new Money(specialisedEnvelope),
				pace(minimumGrowth, maximumGrowth, gapClosure, overTargetFloor));
	}

	/** The pace of change from percentages; its rules refuse on the minimum growth field, where the summary links. */
	public static PaceOfChange pace(BigDecimal minimumGrowth, BigDecimal maximumGrowth, BigDecimal gapClosure,
			BigDecimal overTargetFloor) {
		try {
			return new PaceOfChange(fraction(minimumGrowth), fraction(maximumGrowth), fraction(gapClosure),
					fraction(overTargetFloor));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("minimumGrowth", ex.getMessage());
		}
	}

	/** A fraction as the percentage people type: 0.0214 is {@code 2.14}. */
	public static BigDecimal percent(BigDecimal fraction) {
		return plain(fraction.multiply(BigDecimal.valueOf(100)));
	}

	/** Without trailing zeros, and never in exponent form: 10, not 1E+1. */
	public static BigDecimal plain(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static BigDecimal fraction(BigDecimal percent) {
		return percent == null ? null : percent.divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
	}
}
