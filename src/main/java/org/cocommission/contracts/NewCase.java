package org.cocommission.contracts;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A contract change to open as a case. {@code startsOn} is a list closure's first day or the effective date of a
 * merger, variation or termination; {@code endsOn} a list closure's last day; {@code remedyBy} a remedial notice's
 * date to remedy by; {@code otherPracticeCode} the practice that closes in a merger.
 */
public record NewCase(@NotNull(message = "Choose what kind of change this is") CaseKind kind,
		@NotBlank(message = "Enter a title") @Size(max = 300, message = "Title must be 300 characters or fewer") String title,
		@NotNull(message = "Enter the date the application or notice was received or served") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
		@Size(max = 10, message = "Practice code must be 10 characters or fewer") String otherPracticeCode,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate remedyBy, Boolean circumstancesChanged,
		@Size(max = 2000, message = "Details must be 2000 characters or fewer") String details) {

	/** Whether the applicant says circumstances changed since a refusal (not said: no). */
	public boolean changedCircumstances() {
		return Boolean.TRUE.equals(circumstancesChanged);
	}
}
