package org.cocommission.outcomes.alerts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The withdrawal form and the API's body: the alert's version as read, and why it is withdrawn (the column's size;
 * the service checks the trimmed reason again). Nothing is required to read the body, so that whoever may not withdraw
 * the alert is refused before what they sent is looked at.
 */
record Withdrawal(Integer version,
		@NotBlank(message = "Enter why the alert is withdrawn") @Size(max = OutcomesAlerts.MAX_WITHDRAWAL_REASON,
				message = "The reason must be " + OutcomesAlerts.MAX_WITHDRAWAL_REASON
						+ " characters or fewer") String reason) {
}
