package org.cocommission.workforce.imports;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import org.cocommission.workforce.WorkforceImportRecord;
import org.cocommission.workforce.WorkforceImportRejectedException;
import org.cocommission.workforce.WorkforceImportReport;
import org.cocommission.workforce.WorkforceImports;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Workforce imports for machines: the files as published, all or nothing, and the imports made. */
@RestController
@RequestMapping("/api/v1/workforce")
class WorkforceImportsApiController {

	private final WorkforceImports imports;

	WorkforceImportsApiController(WorkforceImports imports) {
		this.imports = imports;
	}

	@Operation(summary = "Import a workforce file as published",
			description = "kind: practice-detailed (NHS Digital's practice-level Detailed file), high-level (the long"
					+ " file) or hchs (YEAR, STAFF_GROUP, FTE). date=YYYY-MM gives the month when the file has no"
					+ " EXTRACT_DATE. 200 with the report; 422 with the errors by row, and nothing stored.")
	@PostMapping("/imports/{kind}")
	WorkforceImportReport importFile(@PathVariable String kind,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth date,
			@RequestParam(required = false) String fileName, HttpServletRequest request) throws IOException {
		WorkforceFile file = WorkforceFile.fromSlug(kind);
		String name = fileName != null ? fileName : kind + ".csv";
		return switch (file) {
			case PRACTICE_DETAILED -> imports.importPracticeDetailed(name, request.getInputStream(), date);
			case HIGH_LEVEL -> imports.importHighLevel(name, request.getInputStream(), date);
			case HCHS -> imports.importNationalSeries(name, request.getInputStream());
		};
	}

	@GetMapping("/imports")
	List<WorkforceImportRecord> recent() {
		return imports.recentImports(100);
	}

	@ExceptionHandler(WorkforceImportRejectedException.class)
	ResponseEntity<WorkforceImportReport> rejected(WorkforceImportRejectedException ex) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(ex.report());
	}
}
