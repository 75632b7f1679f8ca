package org.cocommission.contracts.register;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.cocommission.contracts.ContractType;
import org.cocommission.contracts.RegisterFilter;

/** The register's filter as the page and the API take it. */
record RegisterParams(ContractType type, @Size(max = 10) @Pattern(regexp = "[A-Za-z0-9]*") String ccg,
		@Min(0) @Max(120) Integer endingWithin, @Size(max = 10) String practice) {

	RegisterFilter filter() {
		return new RegisterFilter(type, blank(ccg) ? null : ccg.trim().toUpperCase(), endingWithin,
				blank(practice) ? null : practice.trim());
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
