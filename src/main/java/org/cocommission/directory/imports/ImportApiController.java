package org.cocommission.directory.imports;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.ImportRecord;
import org.cocommission.directory.ImportRejectedException;
import org.cocommission.directory.ImportReport;

/** Directory imports for machines: the request body is the file exactly as the NHS publishes it. National users only. */
@RestController
@RequestMapping("/api/v1/directory/imports")
public class ImportApiController {

	private final DirectoryImports imports;

	ImportApiController(DirectoryImports imports) {
		this.imports = imports;
	}

	@Operation(summary = "Import a published file",
			description = "kind: epraccur, eccg, ecsu, area-teams, regions (ODS layout), registered-patients"
					+ " (NHS Digital 'Patients registered at a GP practice'), epcmem (ODS practice memberships),"
					+ " succ (ODS successors) or ccg-icb (CCG Code,ICB Code,ICB NAME). 200 with the report when stored;"
					+ " 422 with the report, and nothing stored, when any row is invalid.")
	@PostMapping(path = "/{kind}", consumes = "text/csv")
	public ImportReport importFile(@PathVariable String kind, @RequestParam(required = false) String fileName,
			@RequestBody(description = "the CSV file as published (Content-Type text/csv)") HttpServletRequest request)
			throws IOException {
		String name = fileName != null ? fileName : kind + ".csv";
		return imports.importFile(kind, name, request.getInputStream());
	}

	@GetMapping
	public List<ImportRecord> recent(@RequestParam(defaultValue = "50") int limit) {
		return imports.recentImports(Math.max(1, Math.min(limit, 500)));
	}

	@ExceptionHandler(ImportRejectedException.class)
	public ResponseEntity<ImportReport> rejected(ImportRejectedException ex) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(ex.report());
	}
}
