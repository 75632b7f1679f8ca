package org.cocommission.authorisation.applications;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** The site visit's record: when, and what the visiting team found. */
public record SiteVisitForm(
		@NotNull(message = "Enter the date of the visit") @DateTimeFormat(iso = ISO.DATE) LocalDate visitedOn,
		@NotBlank(message = "Enter what the visit found") @Size(max = 4000, message = "The record must be 4,000 characters or fewer") String note) {
}
