package org.cocommission.directory.organisations;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The search API's query parameters. */
public record SearchQuery(@Parameter(description = "Code or words of a name") String q,
		@Parameter(description = "At most this many, 1 to 100 (default 10)")
		@Min(value = 1, message = LIMIT_MESSAGE) @Max(value = 100, message = LIMIT_MESSAGE) Integer limit) {

	private static final String LIMIT_MESSAGE = "The limit must be between 1 and 100, not ${validatedValue}.";

	int limitOrDefault() {
		return limit == null ? 10 : limit;
	}
}
