package org.cocommission.workforce.planning;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.cocommission.workforce.WorkforceMeasure;

/**
 * A CCG's planning target for one staff ratio, as entered (page form or JSON body).
 *
 * @param measure a ratio per 10,000 registered or weighted patients ({@link WorkforceMeasure#targetable()})
 * @param target FTE per 10,000 patients, more than 0 and at most 100, to two decimals
 */
public record TargetForm(@NotNull(message = "Choose a staff ratio") WorkforceMeasure measure,
		@NotNull(message = "Enter the target, such as 6.5") @DecimalMin(value = "0.01",
				message = "Enter a target above 0") @DecimalMax(value = "100",
						message = "Enter a target of 100 FTE per 10,000 patients or less") @Digits(integer = 3,
								fraction = 2, message = "Enter the target to two decimals at most") BigDecimal target) {
}
