package org.cocommission.authorisation.survey;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A stakeholder added to a CCG's 360 list: their organisation, which group it is in, their role and e-mail. */
public record StakeholderForm(
		@NotBlank(message = "Enter the stakeholder's organisation") @Size(max = 200, message = "The organisation must be 200 characters or fewer") String organisation,
		@NotNull(message = "Choose the stakeholder group") StakeholderGroup group,
		@NotBlank(message = "Enter the person's role") @Size(max = 100, message = "The role must be 100 characters or fewer") String role,
		@NotBlank(message = "Enter the person's e-mail address") @Email(message = "Enter an e-mail address like name@example.nhs.uk") @Size(max = 200, message = "The e-mail address must be 200 characters or fewer") String email) {
}
