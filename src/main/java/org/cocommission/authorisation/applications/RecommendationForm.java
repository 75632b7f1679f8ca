package org.cocommission.authorisation.applications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An assessor's recommendation on one criterion at one stage: met or not, and why. */
public record RecommendationForm(
		@NotBlank(message = "Choose the criterion") @Size(max = 10, message = "Choose a criterion from the list") String criterionCode,
		@NotNull(message = "Choose the stage") Application.Stage stage,
		@NotNull(message = "Say whether the criterion is met") Boolean met,
		@NotBlank(message = "Enter the reason for the recommendation") @Size(max = 2000, message = "The reason must be 2,000 characters or fewer") String note) {
}
