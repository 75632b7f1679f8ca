package org.cocommission.directory.organisations;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.cocommission.directory.Directory.ListSort;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.organisations.OrganisationListView.Request;

/**
 * The organisations list's query parameters, bound by Spring: by type, under a parent, matching a code or words,
 * sorted and paged. An unknown sort or direction falls back to the default rather than failing, as links may be old.
 */
public record OrganisationsQuery(
		@Parameter(description = "REGION, AREA_TEAM, CCG, CSU, GP_PRACTICE or NHS_ENGLAND; all when absent")
		OrganisationType type,
		@Parameter(description = "Only organisations directly under this code today") String parent,
		@Parameter(description = "Start of a code or part of a name") String q,
		@Parameter(description = "code, name, postcode, list-size or open-date (default name)") String sort,
		@Parameter(description = "asc or desc") String dir,
		@Parameter(description = "Page number from 0")
		@Min(value = 0, message = "The page number must be 0 or more, not ${validatedValue}.") Integer page,
		@Parameter(description = "Rows per page, 1 to 500 (default 50)")
		@Min(value = 1, message = SIZE_MESSAGE) @Max(value = OrganisationsQuery.MAX_PAGE_SIZE, message = SIZE_MESSAGE)
		Integer size) {

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int MAX_PAGE_SIZE = 500;

	private static final String SIZE_MESSAGE = "The page size must be between 1 and 500, not ${validatedValue}.";

	/** The query with its defaults filled in and the parent's code in capitals, as people type codes in any case. */
	Request request() {
		return new Request(type, DirectoryParams.code(blankToNull(parent)), blankToNull(q), ListSort.parse(blankToNull(sort)),
				descending(dir), page == null ? 0 : page, size == null ? DEFAULT_PAGE_SIZE : size);
	}

	/** {@code desc} sorts descending; anything else, or nothing, ascending. */
	static boolean descending(String dir) {
		return dir != null && "desc".equalsIgnoreCase(dir.trim());
	}

	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
