package org.cocommission.qualitypremium;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.cocommission.platform.FinancialYear;
import org.cocommission.qualitypremium.data.UploadedFile;
import org.cocommission.qualitypremium.runs.Award;
import org.cocommission.qualitypremium.runs.CcgResult;
import org.cocommission.qualitypremium.runs.CcgResultRow;
import org.cocommission.qualitypremium.runs.PublishForm;
import org.cocommission.qualitypremium.runs.Reproduction;
import org.cocommission.qualitypremium.runs.WhatIf;
import org.cocommission.qualitypremium.schemes.QualityPremiumSchemes;
import org.cocommission.qualitypremium.schemes.Scheme;
import org.cocommission.qualitypremium.schemes.SchemeEdit;

@RestController
@RequestMapping("/api/v1/quality-premium")
@Tag(name = "Quality premium", description = "Schemes, data uploads, local measures, result runs, statements and what-ifs")
class QualityPremiumApiController {

	private final QualityPremium service;

	private final QualityPremiumSchemes schemes;

	private final LocalMeasures localMeasures;

	QualityPremiumApiController(QualityPremium service, QualityPremiumSchemes schemes, LocalMeasures localMeasures) {
		this.service = service;
		this.schemes = schemes;
		this.localMeasures = localMeasures;
	}

	record CopyRequest(@NotNull(message = "Enter the financial year of the new scheme, such as 2015/16") FinancialYear to) {
	}

	record ComputeRequest(@NotNull(message = "Choose the scheme year to compute") FinancialYear year) {
	}

	record ProposeRequest(String ccgCode, String slotCode, String title, String description) {
	}

	record DecisionRequest(int version, String reason) {
	}

	/** Which outcomes indicator feeds each measure, by measure code; {@code version} is the scheme version read. */
	record IndicatorMapping(int version, java.util.Map<String, String> indicators) {
	}

	@GetMapping("/schemes")
	@Operation(summary = "Every scheme, one per financial year")
	List<Scheme> schemes() {
		return schemes.schemes();
	}

	@GetMapping("/schemes/{year}")
	@Operation(summary = "One year's scheme (year as 2013-14)")
	Scheme scheme(@PathVariable @Parameter(schema = @Schema(type = "string", example = "2013-14")) FinancialYear year) {
		return schemes.scheme(year);
	}

	@PostMapping("/schemes/{year}/copy")
	@Operation(summary = "Make a new draft scheme for another year by copying this one (national users)")
	ResponseEntity<Scheme> copy(@PathVariable @Parameter(schema = @Schema(type = "string", example = "2013-14")) FinancialYear year, @Valid @RequestBody CopyRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(schemes.copyScheme(year, request.to()));
	}

	@GetMapping("/schemes/{year}/indicators")
	@Operation(summary = "The outcomes indicator feeding each measure that has one (uploads fill the rest)")
	IndicatorMapping indicators(@PathVariable @Parameter(schema = @Schema(type = "string", example = "2013-14")) FinancialYear year) {
		return new IndicatorMapping(schemes.scheme(year).version(), schemes.indicatorMapping(year));
	}

	@PutMapping("/schemes/{year}/indicators")
	@Operation(summary = "Set the outcomes indicator of each measure of a draft scheme (measures left out use uploads"
			+ " only). Refused once results are published; 409 if the version is stale.")
	IndicatorMapping mapIndicators(@PathVariable @Parameter(schema = @Schema(type = "string", example = "2013-14")) FinancialYear year, @RequestBody IndicatorMapping mapping) {
		schemes.mapIndicators(year, mapping.version(),
				mapping.indicators() == null ? java.util.Map.of() : mapping.indicators());
		return indicators(year);
	}

	@PutMapping("/schemes/{year}")
	@Operation(summary = "Edit a draft scheme: weights (must add up to 100%), targets, standards, £ per head, reduction mode."
			+ " Refused once results are published (copy instead); 409 if the version is stale.")
	Scheme edit(@PathVariable @Parameter(schema = @Schema(type = "string", example = "2013-14")) FinancialYear year, @RequestBody SchemeEdit edit) {
		return schemes.editScheme(year, edit);
	}

	@PostMapping(path = "/data/{year}", consumes = "text/csv")
	@Operation(summary = "Load achievement data as CSV: CCG_CODE,RECORD,CODE,PERIOD,VALUE[,NUMERATOR,DENOMINATOR,TARGET]."
			+ " 422 with row-numbered errors, and nothing stored, when any row is invalid.")
	ResponseEntity<DataImportReport> data(@PathVariable @Parameter(schema = @Schema(type = "string", example = "2013-14")) FinancialYear year, @RequestParam(defaultValue = "upload.csv") String fileName,
			@RequestBody byte[] content) {
		DataImportReport report = service.importData(year, fileName, content);
		return ResponseEntity.status(report.rejected() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(report);
	}

	@GetMapping("/data/{year}")
	@Operation(summary = "The latest uploads of achievement data for the year (national users)")
	List<UploadedFile> uploads(@PathVariable @Parameter(schema = @Schema(type = "string", example = "2013-14")) FinancialYear year) {
		return service.recentImports(year);
	}

	@GetMapping("/local-measures/{year}")
	@Operation(summary = "The local measures the signed-in user can see for the year")
	List<LocalMeasure> localMeasures(@PathVariable @Parameter(schema = @Schema(type = "string", example = "2013-14")) FinancialYear year) {
		return localMeasures.localMeasures(year);
	}

	@PostMapping("/local-measures/{year}")
	@Operation(summary = "A CCG proposes its local measure for one slot (its own users only)")
	LocalMeasure propose(@PathVariable @Parameter(schema = @Schema(type = "string", example = "2013-14")) FinancialYear year, @RequestBody ProposeRequest request) {
		return localMeasures.propose(year, request.ccgCode(), request.slotCode(),
				request.title(), request.description());
	}

	@PostMapping("/local-measures/{year}/proposals")
	@Operation(summary = "A CCG proposes several local measures at once (its own users only); all stored or none")
	List<LocalMeasure> proposeAll(@PathVariable @Parameter(schema = @Schema(type = "string", example = "2013-14")) FinancialYear year, @RequestBody List<LocalMeasures.Proposal> proposals) {
		return localMeasures.proposeAll(year, proposals);
	}

	@PostMapping("/local-measures/decisions")
	@Operation(summary = "The area team agrees or rejects (with a reason) several proposed local measures; all stored"
			+ " or none")
	List<LocalMeasure> decideAll(@RequestBody List<LocalMeasures.Decision> decisions) {
		return localMeasures.decideAll(decisions);
	}

	@PostMapping("/local-measures/id/{id}/agree")
	@Operation(summary = "The area team agrees a proposed local measure")
	LocalMeasure agree(@PathVariable long id, @RequestBody DecisionRequest request) {
		return localMeasures.agree(id, request.version());
	}

	@PostMapping("/local-measures/id/{id}/reject")
	@Operation(summary = "The area team rejects a proposed local measure, with a reason")
	LocalMeasure reject(@PathVariable long id, @RequestBody DecisionRequest request) {
		return localMeasures.reject(id, request.version(), request.reason());
	}

	@GetMapping("/runs")
	@Operation(summary = "Every result run, newest first (national users)")
	List<RunSummary> runs() {
		return service.runs();
	}

	@PostMapping("/runs")
	@Operation(summary = "Compute every CCG's premium for a year from the loaded data (national users); audited")
	ResponseEntity<RunSummary> compute(@Valid @RequestBody ComputeRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(service.compute(request.year()));
	}

	@GetMapping("/runs/{id}")
	@Operation(summary = "One run: year, status, inputs hash, totals available and paid (any run for national users;"
			+ " published runs for others)")
	RunSummary run(@PathVariable long id) {
		return service.run(id);
	}

	@GetMapping("/runs/{id}/reproduction")
	@Operation(summary = "Redo a run from its stored inputs: every award and the inputs hash compared (national users)")
	Reproduction reproduce(@PathVariable long id) {
		return service.reproduce(id);
	}

	@GetMapping("/local-measures/id/{id}/history")
	@Operation(summary = "A local measure's status history, oldest first")
	List<java.util.Map<String, Object>> history(@PathVariable long id) {
		return localMeasures.history(id);
	}

	@PostMapping("/runs/{id}/publish")
	@Operation(summary = "Publish a run: CCG statements become visible and the scheme is frozen. A run with inputs not"
			+ " assessed needs {\"override\": reason} (audited); a run older than the published one is refused.")
	RunSummary publish(@PathVariable long id, @Valid @RequestBody(required = false) PublishForm body) {
		return service.publish(id, body == null ? null : body.override());
	}

	@GetMapping("/runs/{id}/results")
	@Operation(summary = "Every CCG's award in a run (national users)")
	List<CcgResultRow> results(@PathVariable long id) {
		return service.results(id, "code");
	}

	@GetMapping("/runs/{id}/results/{ccg}")
	@Operation(summary = "One CCG's result with its step-by-step explanation")
	CcgResult result(@PathVariable long id, @PathVariable String ccg) {
		return service.result(id, ccg.toUpperCase());
	}

	@PostMapping("/runs/{id}/results/{ccg}/what-if")
	@Operation(summary = "The award with one measure or standard outcome changed; nothing is stored")
	Award whatIf(@PathVariable long id, @PathVariable String ccg, @RequestBody WhatIf change) {
		return service.whatIf(id, ccg.toUpperCase(), change);
	}

	@GetMapping("/statements/{year}/{ccg}")
	@Operation(summary = "A CCG's published statement for the year")
	CcgResult statement(@PathVariable @Parameter(schema = @Schema(type = "string", example = "2013-14")) FinancialYear year, @PathVariable String ccg) {
		return service.statement(year, ccg.toUpperCase());
	}
}
