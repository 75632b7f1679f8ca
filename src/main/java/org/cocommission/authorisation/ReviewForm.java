package org.cocommission.authorisation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** A quarterly review of a condition: when, whether it is now met (which discharges it), and what was found. */
public record ReviewForm(
		@NotNull(message = "Enter the date of the review") @DateTimeFormat(iso = ISO.DATE) LocalDate reviewedOn,
		@NotNull(message = "Say whether the condition is now met") Boolean met,
		@NotBlank(message = "Enter what the review found") @Size(max = 2000, message = "The note must be 2,000 characters or fewer") String note) {
}
