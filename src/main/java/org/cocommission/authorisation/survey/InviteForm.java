package org.cocommission.authorisation.survey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Invitations to a survey for one CCG's listed stakeholders, and how many days their links stay good. */
public record InviteForm(
		@NotBlank(message = "Choose the CCG whose stakeholders to invite") @Size(max = 10, message = "Choose a CCG from the list") String ccgCode,
		@NotNull(message = "Enter how many days the links stay good") @Min(value = 1, message = "A link can be good for 1 to 90 days") @Max(value = 90, message = "A link can be good for 1 to 90 days") Integer validForDays) {
}
