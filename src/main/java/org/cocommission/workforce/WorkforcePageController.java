package org.cocommission.workforce;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.platform.Exports;
import org.cocommission.platform.Table;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workforce page: a measure by practice or CCG for a month with deciles, a chart and a table (and its CSV), the
 * trend of the viewer's organisation against England, and the national growth of staff groups.
 */
@Controller
class WorkforcePageController {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK);

	/** The month from which the 2022 method change applies; earlier months of a series are not comparable. */
	static final YearMonth METHOD_CHANGE = YearMonth.of(2022, 1);

	private final WorkforceMeasures measures;

	private final AccessPolicy access;

	private final JsonMapper json;

	WorkforcePageController(WorkforceMeasures measures, AccessPolicy access, JsonMapper json) {
		this.measures = measures;
		this.access = access;
		this.json = json;
	}

	/** A choice on the page: its value and its label in words. */
	record Option(String value, String label) {
	}

	@GetMapping("/workforce")
	String page(@RequestParam(name = "measure", defaultValue = "GP_FTE_PER_10K") WorkforceMeasure chosen,
			@RequestParam(required = false) WorkforceLevel level,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth date, Model model) {
		CurrentUser user = access.requireUser();
		WorkforceLevel at = level == null ? (user.isNational() ? WorkforceLevel.CCG : WorkforceLevel.PRACTICE) : level;
		if (chosen.practiceOnly() && at != WorkforceLevel.PRACTICE) {
			model.addAttribute("levelNote", chosen.label()
					+ " is made of headcounts, which do not add up above a practice: shown by practice.");
			at = WorkforceLevel.PRACTICE;
		}
		List<YearMonth> months = measures.months();
		model.addAttribute("measures", Arrays.stream(WorkforceMeasure.values())
			.map(m -> new Option(m.name(), m.label()))
			.toList());
		model.addAttribute("levels", List.of(new Option("practice", "Practices"), new Option("ccg", "CCGs")));
		model.addAttribute("months", months.stream()
			.sorted(Comparator.reverseOrder())
			.map(m -> new Option(m.toString(), m.format(MONTH)))
			.toList());
		model.addAttribute("measure", chosen);
		model.addAttribute("level", at);
		List<IndexedSeries> growth = measures.indexedGrowth(List.of());
		model.addAttribute("growth", growth);
		model.addAttribute("growthChart", json.writeValueAsString(growthChart(growth)));
		if (months.isEmpty()) {
			return "workforce/index";
		}
		YearMonth month = date == null ? months.get(months.size() - 1) : date;
		model.addAttribute("month", month.toString());
		model.addAttribute("monthLabel", month.format(MONTH));
		List<MeasureRow> rows = measures.measure(chosen, at, month);
		Optional<MeasureRow> england = chosen.practiceOnly() ? Optional.empty()
				: measures.measure(chosen, WorkforceLevel.ENGLAND, month).stream().findFirst();
		model.addAttribute("rows", rows);
		model.addAttribute("england", england.orElse(null));
		model.addAttribute("chart", json.writeValueAsString(barChart(chosen, rows, england)));
		List<Map<String, Object>> trendSeries = new ArrayList<>();
		List<String> trendMonths = new ArrayList<>();
		Map<String, List<TrendPoint>> trends = new LinkedHashMap<>();
		if (!chosen.practiceOnly()) {
			trends.put("England", measures.trend(chosen, WorkforceLevel.ENGLAND, null));
		}
		WorkforceLevel ownLevel = switch (user.role()) {
			case PRACTICE -> WorkforceLevel.PRACTICE;
			case CCG -> chosen.practiceOnly() ? null : WorkforceLevel.CCG;
			default -> null;
		};
		if (ownLevel != null) {
			trends.put(user.organisationCode(), measures.trend(chosen, ownLevel, user.organisationCode()));
		}
		trends.values().forEach(points -> points.forEach(point -> {
			if (!trendMonths.contains(point.month())) {
				trendMonths.add(point.month());
			}
		}));
		trendMonths.sort(Comparator.naturalOrder());
		trends.forEach((name, points) -> {
			Map<String, BigDecimal> byMonth = new LinkedHashMap<>();
			points.forEach(point -> byMonth.put(point.month(), point.value()));
			trendSeries.add(Map.of("name", name, "values",
					trendMonths.stream().map(m -> Optional.ofNullable(byMonth.get(m)).map(Object.class::cast).orElse("-")).toList()));
		});
		model.addAttribute("trendChart", json.writeValueAsString(Map.of("categories", trendMonths, "unit",
				chosen.unit(), "series", trendSeries)));
		model.addAttribute("trends", trends);
		model.addAttribute("crossesMethodChange", !trendMonths.isEmpty()
				&& YearMonth.parse(trendMonths.get(0)).isBefore(METHOD_CHANGE)
				&& !YearMonth.parse(trendMonths.get(trendMonths.size() - 1)).isBefore(METHOD_CHANGE));
		return "workforce/index";
	}

	@GetMapping("/workforce/measures.csv")
	ResponseEntity<String> csv(@RequestParam(name = "measure", defaultValue = "GP_FTE_PER_10K") WorkforceMeasure chosen,
			@RequestParam(name = "level", defaultValue = "practice") WorkforceLevel at,
			@RequestParam(name = "date") @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
		List<List<Object>> rows = new ArrayList<>();
		for (MeasureRow row : measures.measure(chosen, at, month)) {
			rows.add(Arrays.asList(row.orgCode(), row.orgName(), row.numerator(), row.denominator(), row.value(),
					row.withheld() ? "withheld" : "", row.practices(), row.practicesLeftOut(), row.decile()));
		}
		Table table = new Table(chosen.label() + ", " + month, List.of("Code", "Name", "Numerator", "Denominator",
				chosen.label() + " (" + chosen.unit() + ")", "Withheld", "Practices", "Practices left out", "Decile"),
				rows);
		return Exports.csvDownload(table, "workforce-" + chosen.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
				+ at.slug() + "-" + month + ".csv");
	}

	/** The organisations' values, highest first, with England as a line. */
	private static Map<String, Object> barChart(WorkforceMeasure measure, List<MeasureRow> rows,
			Optional<MeasureRow> england) {
		List<MeasureRow> valued = rows.stream()
			.filter(row -> row.value() != null)
			.sorted(Comparator.comparing(MeasureRow::value).reversed())
			.toList();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("categories", valued.stream().map(row -> row.orgName() == null ? row.orgCode() : row.orgName()).toList());
		chart.put("unit", measure.unit());
		chart.put("series", List.of(Map.of("name", measure.label(), "values",
				valued.stream().map(MeasureRow::value).toList())));
		england.map(MeasureRow::value).ifPresent(value -> chart.put("reference", Map.of("name", "England", "value", value)));
		return chart;
	}

	private static Map<String, Object> growthChart(List<IndexedSeries> growth) {
		List<Integer> years = growth.stream()
			.flatMap(series -> series.points().stream())
			.map(IndexedSeries.Point::year)
			.distinct()
			.sorted()
			.toList();
		List<Map<String, Object>> series = new ArrayList<>();
		for (IndexedSeries group : growth) {
			Map<Integer, BigDecimal> byYear = new LinkedHashMap<>();
			group.points().forEach(point -> byYear.put(point.year(), point.index()));
			series.add(Map.of("name", group.staffGroup(), "values",
					years.stream().map(y -> Optional.ofNullable(byYear.get(y)).map(Object.class::cast).orElse("-")).toList()));
		}
		return Map.of("categories", years.stream().map(String::valueOf).toList(), "unit",
				"index (first common year = 100)", "series", series);
	}
}
