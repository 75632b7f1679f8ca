package org.cocommission.outcomes.read;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springdoc.core.annotations.ParameterObject;
import jakarta.servlet.http.HttpServletRequest;

import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.ObservationImportRejectedException;
import org.cocommission.outcomes.ObservationImportReport;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.PeerGroups;
import org.cocommission.outcomes.Structure;
import org.cocommission.outcomes.ValueRow;
import org.cocommission.outcomes.imports.ImportStatus;
import org.cocommission.outcomes.imports.Observation;
import org.cocommission.outcomes.imports.Observations;
import org.cocommission.outcomes.imports.Period;
import org.cocommission.platform.PageOf;
import org.cocommission.platform.UnreadableFileException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Outcomes for machines: definitions, imports and observations, computed values, deciles and peer groups. */
@RestController
@RequestMapping("/api/v1/outcomes")
@Tag(name = "Outcomes", description = "Indicators, observations, computed values and CCG peer groups")
class OutcomesApiController {

	private final Indicators indicators;

	private final ObservationImports imports;

	private final OutcomesValues values;

	private final PeerGroups peers;

	private final OutcomesPages pages;

	private final Observations observations;

	/** London's today, the default structure date. */
	private final java.time.Clock clock = java.time.Clock.system(java.time.ZoneId.of("Europe/London"));

	OutcomesApiController(Indicators indicators, ObservationImports imports, OutcomesValues values, PeerGroups peers,
			OutcomesPages pages, Observations observations) {
		this.observations = observations;
		this.indicators = indicators;
		this.imports = imports;
		this.values = values;
		this.peers = peers;
		this.pages = pages;
	}

	@Operation(summary = "Indicator definitions")
	@GetMapping("/indicators")
	List<Indicator> indicators() {
		pages.requireUser();
		return indicators.all();
	}

	@Operation(summary = "One indicator definition")
	@GetMapping("/indicators/{id}")
	Indicator indicator(@PathVariable String id) {
		pages.requireUser();
		return indicators.get(id);
	}

	@Operation(summary = "Import observations (national users)",
			description = "format: long (ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR), qof-prevalence (NHS Digital's"
					+ " file as published; give its year as period, e.g. 2019/20) or fingertips (a Fingertips data export)."
					+ " Body: the CSV (text/csv). 200 with {rowsRead, stored, errors}; 422 with the report, and nothing"
					+ " stored, when any row is invalid. Values are recomputed before the response.")
	@PostMapping(path = "/imports/{format}", consumes = "text/csv")
	ObservationImportReport importFile(@PathVariable String format, @RequestParam(required = false) Period period,
			@RequestParam(required = false) String fileName, HttpServletRequest request) throws IOException {
		// period is bound as a type (imports.PeriodConverter): text that is no period is a 400 naming it.
		return imports.importFile(ImportFormat.fromSlug(format), period == null ? null : period.code(),
				fileName != null ? fileName : format + ".csv", request.getInputStream());
	}

	@Operation(summary = "An import's status and progress")
	@GetMapping("/imports/{id}")
	ImportStatus importStatus(@PathVariable long id) {
		return imports.status(id);
	}

	@Operation(summary = "Stored observations of one indicator, as imported",
			description = "Optionally one period and one organisation (ODS code); periods oldest first, then by"
					+ " organisation; page from 0, size up to 5,000 (default 500).")
	@GetMapping("/observations")
	PageOf<Observation> observations(@RequestParam String indicator, @ParameterObject OutcomesQuery query,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "500") int size) {
		return observations.find(indicator, query.period(), query.org(), page, size);
	}

	@Operation(summary = "Computed values of one indicator, level and period",
			description = "level: practice, ccg, icb, area-team, region or england; period defaults to the latest."
					+ " icb: integrated care boards, from 1 July 2022 (as-was: none before; re-mapped onto a structure"
					+ " date from then: every period)."
					+ " Proportions are in percent. structure: a date YYYY-MM-DD (every period re-mapped onto the"
					+ " organisations of that date; today when not given) or as-was (each period in its own structure)."
					+ " aboveDenominator flags a proportion over 100%, shown without interval, comparison or decile.")
	@GetMapping("/values")
	List<ValueRow> values(@RequestParam String indicator, @ParameterObject OutcomesQuery query,
			@RequestParam(required = false) Structure structure) {
		// Every parameter is checked whether or not there is anything to show: a wrong one is a 400, never 200 [].
		OutcomesLevel level = query.chosenLevel();
		Structure chosenStructure = Structure.askedOrToday(structure, LocalDate.now(clock));
		indicators.get(indicator);
		String chosen = query.period() != null ? query.period() : latest(indicator);
		return chosen == null ? List.of() : values.values(indicator, level, chosen, query.parent(), chosenStructure);
	}

	@Operation(summary = "Deciles over time across practices, CCGs or ICBs, with one organisation's line",
			description = "structure as for the values: across CCGs and ICBs the deciles follow it.")
	@GetMapping("/deciles")
	DecileSeries deciles(@RequestParam String indicator, @ParameterObject OutcomesQuery query,
			@RequestParam(required = false) Structure structure) {
		return values.deciles(indicator, query.chosenLevel(), query.org(),
				Structure.askedOrToday(structure, LocalDate.now(clock)));
	}

	@Operation(summary = "A CCG's 10 most similar CCGs, nearest first, with their distances",
			description = "structure: a date YYYY-MM-DD (peers among the CCGs of that date, their practices' lists"
					+ " placed as then) or as-was (the peer groups of the latest extract's organisations, as stored, also"
					+ " when not given). 404 for a CCG with no peer group in that structure.")
	@GetMapping("/peers/{ccgCode}")
	List<PeerGroups.Peer> peers(@PathVariable String ccgCode, @RequestParam(required = false) Structure structure) {
		pages.requireUser();
		return peers.peers(ccgCode.toUpperCase(), structure);
	}

	@Operation(summary = "The standardised variables that placed a CCG among its peers")
	@GetMapping("/peers/{ccgCode}/variables")
	List<PeerGroups.Variable> peerVariables(@PathVariable String ccgCode) {
		pages.requireUser();
		return peers.variables(ccgCode.toUpperCase());
	}

	@Operation(summary = "Recompute every CCG's peers (national users)")
	@PostMapping("/peers/recompute")
	int recomputePeers() {
		return pages.recomputePeers();
	}

	@Operation(summary = "A CCG's spine chart: the latest value of every indicator, England's and the peer range",
			description = "structure: a date YYYY-MM-DD (the CCG's values, its peers and the range of all CCGs of the"
					+ " organisations of that date, every period re-mapped) or as-was; when not given, the stored values"
					+ " and peer groups.")
	@ApiResponse(responseCode = "200", description = "One row per indicator",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					array = @ArraySchema(schema = @Schema(implementation = SpineRow.class))))
	@GetMapping(value = "/spine/{ccgCode}", produces = MediaType.APPLICATION_JSON_VALUE)
	byte[] spine(@PathVariable String ccgCode, @RequestParam(required = false) Structure structure) {
		return pages.spineJson(ccgCode.toUpperCase(), structure);
	}

	private String latest(String indicator) {
		List<String> periods = values.periods(indicator);
		return periods.isEmpty() ? null : periods.get(periods.size() - 1);
	}

	@ExceptionHandler(ObservationImportRejectedException.class)
	ResponseEntity<ObservationImportReport> rejected(ObservationImportRejectedException ex) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(ex.report());
	}
}
