package org.cocommission.contracts.cases;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The case pages' forms; each carries the version of the case it was made on. */
final class CaseForms {

	private CaseForms() {
	}

	record AcknowledgeForm(@NotNull(message = "Enter the date of the acknowledgement")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, @NotNull(message = "Reload the case and try again") Integer version) {
	}

	record DecisionForm(@NotNull(message = "Choose approve or refuse") Boolean approved,
			@Size(max = 1000, message = "Decision must be 1000 characters or fewer") String decision,
			@NotNull(message = "Enter the date of the decision") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
			@NotNull(message = "Reload the case and try again") Integer version) {
	}

	record AgendaForm(@NotNull(message = "Choose the meeting") Long meetingId,
			@NotNull(message = "Reload the case and try again") Integer version) {
	}
}
