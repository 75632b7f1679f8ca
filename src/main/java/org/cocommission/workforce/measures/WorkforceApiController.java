package org.cocommission.workforce.measures;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.cocommission.platform.InvalidInputException;
import org.cocommission.workforce.IndexedSeries;
import org.cocommission.workforce.MeasureRow;
import org.cocommission.workforce.PeerComparison;
import org.cocommission.workforce.TrendPoint;
import org.cocommission.workforce.WorkforceLevel;
import org.cocommission.workforce.WorkforceMeasure;
import org.cocommission.workforce.WorkforceMeasures;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Workforce measures for machines: measures, trends, peers and the national growth. */
@RestController
@RequestMapping("/api/v1/workforce")
class WorkforceApiController {

	private final WorkforceMeasures measures;

	WorkforceApiController(WorkforceMeasures measures) {
		this.measures = measures;
	}

	@Operation(summary = "A workforce measure for a month",
			description = "Rows {orgCode, numerator, denominator, value, withheld, practices, practicesLeftOut, decile}"
					+ " for the practices or CCGs the caller may see, or England. Aggregates add FTE and patients and"
					+ " leave out practices with a withheld figure, counting them.")
	@GetMapping("/measures")
	List<MeasureRow> measure(@RequestParam WorkforceMeasure measure,
			@RequestParam(defaultValue = "practice") WorkforceLevel level,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth date) {
		return measures.measure(measure, level, date != null ? date : latestMonth());
	}

	@GetMapping("/trend")
	List<TrendPoint> trend(@RequestParam WorkforceMeasure measure,
			@RequestParam(defaultValue = "england") WorkforceLevel level, @RequestParam(required = false) String org) {
		return measures.trend(measure, level, org);
	}

	@Operation(summary = "An organisation's workforce measure against its peers",
			description = "level=practice|ccg; the outcomes module's 10 most similar practices or CCGs, nearest first,"
					+ " with the peers' numerators over their denominators.")
	@GetMapping("/peers")
	PeerComparison peers(@RequestParam WorkforceMeasure measure,
			@RequestParam(defaultValue = "ccg") WorkforceLevel level,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth date,
			@RequestParam String org) {
		return measures.peers(measure, level, date != null ? date : latestMonth(), org);
	}

	@GetMapping("/national-growth")
	List<IndexedSeries> growth(@RequestParam(required = false) List<String> group) {
		return measures.indexedGrowth(group);
	}

	private YearMonth latestMonth() {
		List<YearMonth> months = measures.months();
		if (months.isEmpty()) {
			throw new InvalidInputException(Map.of("date", "No workforce figures are imported yet"));
		}
		return months.get(months.size() - 1);
	}
}
