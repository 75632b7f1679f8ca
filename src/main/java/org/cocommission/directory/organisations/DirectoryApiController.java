package org.cocommission.directory.organisations;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.cocommission.directory.Directory;
import org.cocommission.directory.NationalSummary;
import org.cocommission.directory.OrganisationSummary;

/** Organisation search and the national headline figures as JSON. */
@RestController
@Tag(name = "Directory")
public class DirectoryApiController {

	private final Directory directory;

	private final SearchResults searchResults;

	DirectoryApiController(Directory directory, SearchResults searchResults) {
		this.directory = directory;
		this.searchResults = searchResults;
	}

	@GetMapping("/api/v1/search")
	@Operation(summary = "Organisations whose code starts with, or whose name contains every word of, the query",
			description = "An exact code comes first, then codes starting with the query, then names.")
	List<OrganisationSummary> search(@Valid @ParameterObject SearchQuery query) {
		return searchResults.hits(query.q(), query.limitOrDefault());
	}

	@GetMapping("/api/v1/directory/summary")
	@Operation(summary = "How many regions, area teams, CCGs, open practices, other settings and CSUs there are, "
			+ "and the patients registered at the latest extract")
	public NationalSummary summary() {
		return directory.summary();
	}
}
