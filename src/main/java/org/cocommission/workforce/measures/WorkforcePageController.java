package org.cocommission.workforce.measures;

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
import org.cocommission.identity.Role;
import org.cocommission.platform.Exports;
import org.cocommission.platform.Table;
import org.cocommission.workforce.IndexedSeries;
import org.cocommission.workforce.MeasureRow;
import org.cocommission.workforce.PeerComparison;
import org.cocommission.workforce.TrendPoint;
import org.cocommission.workforce.WorkforceLevel;
import org.cocommission.workforce.WorkforceMeasure;
import org.cocommission.workforce.WorkforceMeasures;
import org.cocommission.workforce.pages.Chart;
import org.cocommission.workforce.pages.Option;

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

	/** The skill mix: each staff group's share of staff FTE. */
	static final List<WorkforceMeasure> SKILL_MIX = List.of(WorkforceMeasure.GP_SHARE_OF_STAFF,
			WorkforceMeasure.NURSE_SHARE_OF_STAFF, WorkforceMeasure.DPC_SHARE_OF_STAFF,
			WorkforceMeasure.ADMIN_SHARE_OF_STAFF);

	/** Partners against salaried GPs. */
	static final List<WorkforceMeasure> PARTNERS = List.of(WorkforceMeasure.PARTNER_FTE_PER_10K,
			WorkforceMeasure.SALARIED_FTE_PER_10K);

	@GetMapping("/workforce")
	String page(@RequestParam(name = "measure", defaultValue = "GP_FTE_PER_10K") WorkforceMeasure chosen,
			@RequestParam(required = false) WorkforceLevel level,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth date,
			@RequestParam(required = false) String org, Model model) {
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
		model.addAttribute("levels", List.of(new Option("practice", "Practices"), new Option("ccg", "CCGs"),
				new Option("icb", "ICBs")));
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
		String focus = org != null && !org.isBlank() ? org.trim().toUpperCase(Locale.ROOT)
				: user.role() == Role.PRACTICE && at == WorkforceLevel.PRACTICE
						|| user.role() == Role.CCG && at == WorkforceLevel.CCG
								? user.organisationCode() : null;
		boolean focusHasPeers = focus != null && (at == WorkforceLevel.PRACTICE || at == WorkforceLevel.CCG);
		if (focusHasPeers && !trends.containsKey(focus)) {
			// The organisation asked about over time too, beside England: a practice a CCG or national user chose.
			trends.put(focus, measures.trend(chosen, at, focus));
		}
		trends.values().forEach(points -> points.forEach(point -> {
			if (!trendMonths.contains(point.month())) {
				trendMonths.add(point.month());
			}
		}));
		trendMonths.sort(Comparator.naturalOrder());
		model.addAttribute("trendChart", json.writeValueAsString(trendChart(trends, trendMonths, chosen.unit())));
		model.addAttribute("trends", trends);
		if (focusHasPeers) {
			PeerComparison peers = measures.peers(chosen, at, month, focus);
			model.addAttribute("peers", peers);
			model.addAttribute("peerChart", json.writeValueAsString(peerChart(chosen, peers, england)));
		}
		Map<String, List<TrendPoint>> skillMix = new LinkedHashMap<>();
		measures.trends(SKILL_MIX, WorkforceLevel.ENGLAND, null)
			.forEach((m, points) -> skillMix.put(SHORT.get(m), points));
		model.addAttribute("skillMix", skillMix);
		model.addAttribute("skillMixChart", json.writeValueAsString(lines(skillMix, "% of staff FTE")));
		Map<String, List<TrendPoint>> partners = new LinkedHashMap<>();
		measures.trends(PARTNERS, WorkforceLevel.ENGLAND, null)
			.forEach((m, points) -> partners.put("England: " + SHORT.get(m), points));
		if (user.role() == Role.PRACTICE || user.role() == Role.CCG) {
			WorkforceLevel own = user.role() == Role.PRACTICE ? WorkforceLevel.PRACTICE : WorkforceLevel.CCG;
			measures.trends(PARTNERS, own, user.organisationCode())
				.forEach((m, points) -> partners.put(user.organisationCode() + ": " + SHORT.get(m), points));
		}
		model.addAttribute("partners", partners);
		model.addAttribute("partnersChart", json.writeValueAsString(lines(partners, "FTE per 10,000 patients")));
		model.addAttribute("canPlan", user.isNational() || user.role() == Role.CCG);
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
			// As the page shows them: FTE to 2 places (as published), patients whole, the measure to 1 place.
			rows.add(Arrays.asList(row.orgCode(), row.orgName(), places(row.numerator(), 2),
					places(row.denominator(), 0), places(row.value(), 1), row.withheld() ? "withheld" : "",
					row.practices(), row.practicesLeftOut(), row.decile()));
		}
		Table table = new Table(chosen.label() + ", " + month, List.of("Code", "Name", "Numerator", "Denominator",
				chosen.label() + " (" + chosen.unit() + ")", "Withheld", "Practices", "Practices left out", "Decile"),
				rows);
		return Exports.csvDownload(table, "workforce-" + chosen.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
				+ at.slug() + "-" + month + ".csv");
	}

	/** Short names of the measures in the skill mix and partner charts. */
	static final Map<WorkforceMeasure, String> SHORT = Map.of(WorkforceMeasure.GP_SHARE_OF_STAFF, "GPs",
			WorkforceMeasure.NURSE_SHARE_OF_STAFF, "Nurses", WorkforceMeasure.DPC_SHARE_OF_STAFF,
			"Direct patient care", WorkforceMeasure.ADMIN_SHARE_OF_STAFF, "Admin and non-clinical",
			WorkforceMeasure.PARTNER_FTE_PER_10K, "partners", WorkforceMeasure.SALARIED_FTE_PER_10K, "salaried GPs");

	/** The organisations over time, month by month as they come ("2015-09"); a month a series lacks is a gap. */
	static Chart trendChart(Map<String, List<TrendPoint>> trends, List<String> trendMonths, String unit) {
		return new Chart(List.copyOf(trendMonths), unit, series(trends, trendMonths));
	}

	/** Named series month by month as lines; a month a series lacks is a gap. */
	static Chart lines(Map<String, List<TrendPoint>> named, String unit) {
		List<String> months = named.values()
			.stream()
			.flatMap(points -> points.stream().map(TrendPoint::month))
			.distinct()
			.sorted()
			.toList();
		return new Chart(months.stream().map(m -> YearMonth.parse(m).format(MONTH)).toList(), unit,
				series(named, months));
	}

	/** A series per name with its value in each month ("2015-09"), "-" in a month it lacks. */
	private static List<Chart.Series> series(Map<String, List<TrendPoint>> named, List<String> months) {
		List<Chart.Series> series = new ArrayList<>();
		named.forEach((name, points) -> {
			Map<String, BigDecimal> byMonth = new LinkedHashMap<>();
			points.forEach(point -> byMonth.put(point.month(), point.value()));
			series.add(new Chart.Series(name,
					months.stream().map(m -> Optional.ofNullable(byMonth.get(m)).map(Object.class::cast).orElse("-")).toList()));
		});
		return series;
	}

	/** The organisation and its peers, nearest first, with the peers' figure and England as lines. */
	static Chart peerChart(WorkforceMeasure measure, PeerComparison peers, Optional<MeasureRow> england) {
		List<MeasureRow> rows = new ArrayList<>();
		if (peers.organisation() != null) {
			rows.add(peers.organisation());
		}
		rows.addAll(peers.peers());
		Chart.Reference reference = peers.peersValue() != null
				? new Chart.Reference("Peers together", peers.peersValue()) : england(england);
		return new Chart(names(rows), measure.unit(), List.of(new Chart.Series(measure.label(),
				rows.stream().map(row -> row.value() == null ? "-" : (Object) row.value()).toList())), reference);
	}

	/** The organisations' values, highest first, with England as a line. */
	static Chart barChart(WorkforceMeasure measure, List<MeasureRow> rows, Optional<MeasureRow> england) {
		List<MeasureRow> valued = rows.stream()
			.filter(row -> row.value() != null)
			.sorted(Comparator.comparing(MeasureRow::value).reversed())
			.toList();
		return new Chart(names(valued), measure.unit(),
				List.of(new Chart.Series(measure.label(), valued.stream().map(MeasureRow::value).toList())),
				england(england));
	}

	private static List<String> names(List<MeasureRow> rows) {
		return rows.stream().map(row -> row.orgName() == null ? row.orgCode() : row.orgName()).toList();
	}

	/** England's value as the reference line; none without it. */
	private static Chart.Reference england(Optional<MeasureRow> england) {
		return england.map(MeasureRow::value).map(value -> new Chart.Reference("England", value)).orElse(null);
	}

	static Chart growthChart(List<IndexedSeries> growth) {
		List<Integer> years = growth.stream()
			.flatMap(series -> series.points().stream())
			.map(IndexedSeries.Point::year)
			.distinct()
			.sorted()
			.toList();
		List<Chart.Series> series = new ArrayList<>();
		for (IndexedSeries group : growth) {
			Map<Integer, BigDecimal> byYear = new LinkedHashMap<>();
			group.points().forEach(point -> byYear.put(point.year(), point.index()));
			series.add(new Chart.Series(group.staffGroup(),
					years.stream().map(y -> Optional.ofNullable(byYear.get(y)).map(Object.class::cast).orElse("-")).toList()));
		}
		return new Chart(years.stream().map(String::valueOf).toList(), "index (first common year = 100)", series);
	}

	private static java.math.BigDecimal places(java.math.BigDecimal figure, int places) {
		return figure == null ? null : figure.setScale(places, java.math.RoundingMode.HALF_UP);
	}
}
