package org.cocommission.authorisation.survey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new 360 survey: its name and the year it runs. */
public record SurveyForm(
		@NotBlank(message = "Enter the survey's name") @Size(max = 200, message = "The name must be 200 characters or fewer") String name,
		@NotNull(message = "Enter the year the survey runs") @Min(value = 2012, message = "The year must be 2012 or later") @Max(value = 2100, message = "The year must be 2100 or earlier") Integer year) {
}
