package org.cocommission.commissioningsupport;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The forms of a call-off competition, each a record bound from a page form or a JSON body. */
public final class CallOffForms {

	private CallOffForms() {
	}

	/**
	 * A new call-off: the service, what the CCG needs, and the weights of the three criteria (per cent, adding up to
	 * 100): quality of the service, price, and mobilisation and delivery.
	 */
	public record Start(@NotBlank(message = "Choose a service") @Size(max = 40) String serviceCode,
			@NotBlank(message = "Enter a title") @Size(max = 200, message = "Enter a title of 200 characters or fewer") String title,
			@NotBlank(message = "Enter the requirements") @Size(max = 4000,
					message = "Enter requirements of 4,000 characters or fewer") String requirements,
			@NotNull(message = "Enter the weight of quality") @Min(value = 0, message = "Enter a weight from 0 to 100") @Max(value = 100,
					message = "Enter a weight from 0 to 100") Integer qualityWeight,
			@NotNull(message = "Enter the weight of price") @Min(value = 0, message = "Enter a weight from 0 to 100") @Max(value = 100,
					message = "Enter a weight from 0 to 100") Integer priceWeight,
			@NotNull(message = "Enter the weight of mobilisation and delivery") @Min(value = 0,
					message = "Enter a weight from 0 to 100") @Max(value = 100,
							message = "Enter a weight from 0 to 100") Integer deliveryWeight) {
	}

	/** A provider's bid: a provider on the framework and its price a year. */
	public record Bid(@NotBlank(message = "Choose the provider") @Size(max = 20) String providerCode,
			@NotNull(message = "Enter the price a year") @DecimalMin(value = "0",
					message = "Enter a price of £0 or more") @Digits(integer = 12, fraction = 2,
							message = "Enter the price in pounds and pence") BigDecimal annualValue,
			@Size(max = 2000, message = "Enter a summary of 2,000 characters or fewer") String summary) {
	}

	/**
	 * An evaluator: a person on the CCG's register of people ({@code personId}, whose declared interests in the bidders
	 * are checked there), or named here; and any interest in a bidder declared on the call-off. Either kind of interest
	 * excludes them from scoring.
	 */
	public record Evaluator(@Size(max = 100, message = "Enter a name of 100 characters or fewer") String name,
			@Size(max = 500, message = "Describe the interest in 500 characters or fewer") String conflict,
			Long personId) {

		/** An evaluator named on the call-off, not chosen from the register. */
		public Evaluator(String name, String conflict) {
			this(name, conflict, null);
		}
	}

	/** One evaluator's score of one bid on one criterion, 0 (fails) to 5 (excellent). */
	public record Score(@NotBlank(message = "Choose the evaluator") @Size(max = 100) String evaluator,
			@NotBlank(message = "Choose the bid") @Size(max = 20) String providerCode,
			@NotNull(message = "Choose the criterion") @Min(1) @Max(3) Integer criterion,
			@NotNull(message = "Enter a score from 0 to 5") @Min(value = 0, message = "Enter a score from 0 to 5") @Max(value = 5,
					message = "Enter a score from 0 to 5") Integer score) {
	}

	/** The award: the winning bid and the end of the contract. */
	public record Award(@NotBlank(message = "Choose the bid to award") @Size(max = 20) String providerCode,
			@NotNull(message = "Enter the end of the contract") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate contractEnd) {
	}
}
