package org.cocommission.authorisation.survey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A question added to a survey: the domain it is about, what it asks and how it is answered. */
public record QuestionForm(
		@NotNull(message = "Choose the domain the question is about") @Min(value = 1, message = "Choose a domain from 1 to 6") @Max(value = 6, message = "Choose a domain from 1 to 6") Integer domainNumber,
		@NotBlank(message = "Enter the question") @Size(max = 500, message = "The question must be 500 characters or fewer") String text,
		@NotNull(message = "Choose how the question is answered") QuestionScale scale) {
}
