package org.cocommission.commissioningsupport;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A CCG's arrangement for one service as entered (page form or JSON body).
 *
 * @param providerCode the provider, for {@link ArrangementMode#BUY}
 * @param sharedWith the other CCGs' codes, separated by commas or spaces, for {@link ArrangementMode#SHARE}
 * @param annualValue pounds a year, optional
 */
public record ArrangementForm(@NotBlank(message = "Choose a service") @Size(max = 40) String serviceCode,
		@NotNull(message = "Choose make, buy or share") ArrangementMode mode, @Size(max = 20) String providerCode,
		@Size(max = 200) String sharedWith,
		@DecimalMin(value = "0", message = "Enter a value of £0 or more") @Digits(integer = 12, fraction = 2,
				message = "Enter the value in pounds and pence") BigDecimal annualValue,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate) {
}
