package org.cocommission.directory.coverage;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.cocommission.directory.Coverage;
import org.cocommission.directory.Directory;
import org.cocommission.directory.organisations.DirectoryCsv;
import org.cocommission.directory.structure.OnDate;

/** Whether every open GP practice is in exactly one CCG on a date, as JSON and as CSV. */
@RestController
@Tag(name = "Coverage", description = "Is the whole country covered by CCGs?")
@ApiResponse(responseCode = "400", description = "The date is not a real YYYY-MM-DD date", content = @Content(
		mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class CoverageApiController {

	private final Directory directory;

	private final HomePageFigures figures;

	CoverageApiController(Directory directory, HomePageFigures figures) {
		this.directory = directory;
		this.figures = figures;
	}

	@GetMapping("/api/v1/coverage")
	@Operation(summary = "Coverage on a date (default today)",
			description = "Open practices, those in exactly one CCG, the codes of those in none or several, the CCGs "
					+ "with open practices, and the share of registered patients (latest extract on or before the "
					+ "date) in practices with exactly one CCG.")
	public Coverage coverage(@Valid @ParameterObject OnDate query) {
		return figures.coverage(query.orElse(directory.today()));
	}

	@GetMapping("/api/v1/coverage.csv")
	@Operation(summary = "Every practice open on a date (default today) with its CCGs then, as CSV")
	ResponseEntity<String> csv(@Valid @ParameterObject OnDate query) {
		LocalDate on = query.orElse(directory.today());
		return DirectoryCsv.coverage(on, directory.practiceCoverage(on));
	}
}
