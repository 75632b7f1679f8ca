package org.cocommission.outcomes.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.PeerGroups;
import org.cocommission.outcomes.PracticePeerGroups;
import org.cocommission.outcomes.ValueRow;
import org.cocommission.outcomes.peers.PeerVariables;
import org.cocommission.platform.Table;

/**
 * The data behind each chart, as JSON for the page's ECharts script, and the same figures as tables for people who
 * cannot see the chart and for CSV downloads.
 */
public final class OutcomesCharts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OutcomesCharts() {
	}

	static String deciles(DecileSeries series) {
		return JSON.writeValueAsString(decileChart(series));
	}

	/** The deciles chart of an indicator page, with its unit. */
	static String deciles(DecileSeries series, Indicator indicator) {
		Map<String, Object> chart = decileChart(series);
		chart.put("unit", indicator.unit());
		return JSON.writeValueAsString(chart);
	}

	/** The deciles chart's data, as the pages draw it and as a discussion captures it. */
	public static Map<String, Object> decileChart(DecileSeries series) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("periods", series.periods());
		List<List<Double>> lines = new ArrayList<>();
		for (int decile = 0; decile < 9; decile++) {
			final int index = decile;
			lines.add(series.cuts().stream().map(cuts -> round(cuts[index])).toList());
		}
		chart.put("deciles", lines);
		chart.put("org", series.orgCode());
		chart.put("orgValues", series.orgValues().stream().map(OutcomesCharts::round).toList());
		chart.put("england", series.englandValues().stream().map(OutcomesCharts::round).toList());
		return chart;
	}

	static String funnel(FunnelPlot funnel) {
		return JSON.writeValueAsString(funnelChart(funnel));
	}

	/** The funnel plot of an indicator page: its axis titles with units, its polarity and the organisation chosen. */
	static String funnel(FunnelPlot funnel, Indicator indicator, String org) {
		return JSON.writeValueAsString(funnelChart(funnel, indicator, org));
	}

	/** {@link #funnelChart(FunnelPlot)} with what the chart says about its indicator. */
	public static Map<String, Object> funnelChart(FunnelPlot funnel, Indicator indicator, String org) {
		Map<String, Object> chart = funnelChart(funnel);
		describe(chart, indicator);
		chart.put("org", org == null ? null : org.toUpperCase(java.util.Locale.ROOT));
		return chart;
	}

	/** Units, axis titles and polarity, so that a chart reads without a legend lookup. */
	public static void describe(Map<String, Object> chart, Indicator indicator) {
		chart.put("unit", indicator.unit());
		chart.put("polarity", indicator.polarity().name());
		chart.put("yTitle", indicator.name() + " (" + indicator.unit() + ")");
		String denominator = definition(indicator.denominatorDefinition());
		chart.put("xTitle", denominator == null || denominator.isBlank() ? "Denominator"
				: "Denominator: " + denominator);
	}

	/**
	 * A numerator's or denominator's definition as a person reads it: without the source file's field name the starter
	 * indicators cite in brackets ("Patients on the asthma register (REGISTER)"), and a bare field name in words.
	 */
	public static String definition(String text) {
		if (text == null) {
			return null;
		}
		String plain = text.strip().replaceAll("\\s*\\([A-Z][A-Z0-9_]*\\)$", "");
		return switch (plain) {
			case "REGISTER" -> "Patients on the disease register";
			case "PATIENT_LIST_SIZE" -> "Registered patients (practice list size)";
			default -> plain.matches("[A-Z0-9_]+") ? plain.charAt(0) + plain.substring(1).toLowerCase(java.util.Locale.UK)
				.replace('_', ' ') : plain;
		};
	}

	/** The funnel plot's data: England's value, each point, and the control limits along the denominators. */
	public static Map<String, Object> funnelChart(FunnelPlot funnel) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("benchmark", round(funnel.benchmark()));
		// [denominator, value, "code name", outcome against the limits, lower 95%, upper 95%]
		chart.put("points", funnel.points().stream()
			.map(point -> java.util.Arrays.<Object>asList(point.denominator(), round(point.value()),
					point.orgCode() + " " + point.orgName(), point.outcome(), round(point.lower95()),
					round(point.upper95())))
			.toList());
		chart.put("limits", funnel.limits().stream()
			.map(limit -> java.util.Arrays.asList(limit.denominator(), round(limit.lower95()), round(limit.upper95()),
					round(limit.lower998()), round(limit.upper998())))
			.toList());
		return chart;
	}

	static String spine(List<SpineRow> rows) {
		List<Map<String, Object>> chart = new ArrayList<>();
		for (SpineRow row : rows) {
			Map<String, Object> item = spineItem(row);
			item.put("peerAverage", round(row.peerAverage()));
			item.put("comparedToPeers", row.comparedToPeers());
			chart.add(item);
		}
		return JSON.writeValueAsString(chart);
	}

	/** One indicator's bar of a CCG's spine chart: England, the CCG, and the peers' and all CCGs' ranges. */
	public static Map<String, Object> spineItem(SpineRow row) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("name", row.indicator().id());
		item.put("label", row.indicator().name());
		item.put("england", round(row.england()));
		item.put("ccg", round(row.ccg().value()));
		item.put("peerMin", round(row.peerMin()));
		item.put("peerMax", round(row.peerMax()));
		item.put("min", round(row.ccgMin()));
		item.put("max", round(row.ccgMax()));
		item.put("comparison", row.ccg().comparedToEngland());
		item.put("polarity", row.indicator().polarity().name());
		item.put("domain", row.indicator().domain().number() + ". " + row.indicator().domain().label());
		item.put("domainNumber", row.indicator().domain().number());
		return item;
	}

	static Table valuesTable(Indicator indicator, String period, List<ValueRow> rows) {
		List<List<Object>> cells = rows.stream()
			.map(row -> java.util.Arrays.<Object>asList(row.orgCode(), row.orgName(), row.parentCode(), row.numerator(),
					row.denominator(), figure(row.value()), figure(row.lower95()), figure(row.upper95()),
					figure(row.lower998()), figure(row.upper998()), row.comparison().label(), row.decile(),
					row.aboveDenominator() ? "numerator above denominator" : ""))
			.toList();
		return new Table(indicator.name() + " (" + indicator.unit() + "), " + period,
				List.of("Code", "Name", "Parent", "Numerator", "Denominator", "Value", "Lower 95%", "Upper 95%",
						"Lower 99.8%", "Upper 99.8%", "Compared with England", "Decile", "Note"),
				cells);
	}

	static Table decileTable(DecileSeries series) {
		List<List<Object>> cells = new ArrayList<>();
		for (int index = 0; index < series.periods().size(); index++) {
			List<Object> row = new ArrayList<>();
			row.add(series.periods().get(index));
			for (double cut : series.cuts().get(index)) {
				row.add(figure(cut));
			}
			row.add(figure(series.orgValues().get(index)));
			row.add(figure(series.englandValues().get(index)));
			cells.add(row);
		}
		return new Table("Deciles of " + series.indicatorId() + " across " + series.level().label().toLowerCase(),
				List.of("Period", "10th", "20th", "30th", "40th", "50th", "60th", "70th", "80th", "90th",
						series.orgCode() == null ? "Organisation" : series.orgCode(), "England"),
				cells);
	}

	static Table funnelTable(FunnelPlot funnel) {
		List<List<Object>> cells = funnel.points().stream()
			.map(point -> java.util.Arrays.<Object>asList(point.orgCode(), point.orgName(), point.denominator(),
					figure(point.value()), point.outcome()))
			.toList();
		return new Table("Funnel plot around England's value " + funnel.benchmark(),
				List.of("Code", "Name", "Denominator", "Value", "Outcome against the control limits"), cells);
	}

	static Table spineTable(String ccg, List<SpineRow> rows) {
		List<List<Object>> cells = rows.stream()
			.map(row -> java.util.Arrays.<Object>asList(row.indicator().id(), row.indicator().name(), row.period(),
					row.indicator().unit(), figure(row.england()), figure(row.ccg().value()),
					figure(row.ccg().lower95()), figure(row.ccg().upper95()), figure(row.peerMin()),
					figure(row.peerMax()), figure(row.ccgMin()), figure(row.ccgMax()), row.ccg().comparison().label(),
					figure(row.peerAverage()), row.peerComparison().label()))
			.toList();
		return new Table("Spine chart of " + ccg,
				List.of("Indicator", "Name", "Period", "Unit", "England", ccg, "Lower 95%", "Upper 95%", "Peers lowest",
						"Peers highest", "CCGs lowest", "CCGs highest", "Compared with England", "Peers average",
						"Compared with peers"),
				cells);
	}

	/** A practice's spine, in the CCG spine's shape ({@code ccg} is the organisation drawn) so that one drawing serves both. */
	static String practiceSpine(List<PracticeSpineRow> rows) {
		List<Map<String, Object>> chart = new ArrayList<>();
		for (PracticeSpineRow row : rows) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("name", row.indicator().id());
			item.put("label", row.indicator().name());
			item.put("england", round(row.england()));
			item.put("ccg", round(row.practice().value()));
			item.put("orgLabel", "Practice");
			item.put("peerMin", round(row.peers().lowest()));
			item.put("peerMax", round(row.peers().highest()));
			item.put("min", round(row.practicesLowest()));
			item.put("max", round(row.practicesHighest()));
			item.put("comparison", row.practice().comparedToEngland());
			item.put("peerAverage", round(row.peers().value()));
			item.put("comparedToPeers", row.peers().comparison());
			item.put("polarity", row.indicator().polarity().name());
			item.put("domain", row.indicator().domain().number() + ". " + row.indicator().domain().label());
			item.put("domainNumber", row.indicator().domain().number());
			chart.add(item);
		}
		return JSON.writeValueAsString(chart);
	}

	static Table practiceSpineTable(String practice, List<PracticeSpineRow> rows) {
		List<List<Object>> cells = rows.stream()
			.map(row -> java.util.Arrays.<Object>asList(row.indicator().id(), row.indicator().name(), row.period(),
					row.indicator().unit(), figure(row.england()), row.ccg() == null ? null : figure(row.ccg().value()),
					figure(row.practice().value()), figure(row.practice().lower95()),
					figure(row.practice().upper95()), row.practice().comparison().label(), row.practice().decile(),
					figure(row.peers().value()), figure(row.peers().lowest()), figure(row.peers().highest()),
					row.peers().comparedToPeers().label(), figure(row.practicesLowest()),
					figure(row.practicesHighest())))
			.toList();
		return new Table("Spine chart of practice " + practice,
				List.of("Indicator", "Name", "Period", "Unit", "England", "CCG", practice, "Lower 95%", "Upper 95%",
						"Compared with England", "Decile", "Peers average", "Peers lowest", "Peers highest",
						"Compared with peers", "Practices lowest", "Practices highest"),
				cells);
	}

	/** The practices of a CCG for one indicator, highest first, the chosen practice marked. */
	static String amongCcg(String practiceCode, List<ValueRow> practices, Double ccg, Double england) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("practice", practiceCode);
		chart.put("codes", practices.stream().map(ValueRow::orgCode).toList());
		chart.put("values", practices.stream().map(row -> round(row.value())).toList());
		chart.put("lower", practices.stream().map(row -> round(row.lower95())).toList());
		chart.put("upper", practices.stream().map(row -> round(row.upper95())).toList());
		chart.put("ccg", round(ccg));
		chart.put("england", round(england));
		return JSON.writeValueAsString(chart);
	}

	static Table amongCcgTable(Indicator indicator, String period, String ccgCode, List<ValueRow> practices) {
		List<List<Object>> cells = practices.stream()
			.map(row -> java.util.Arrays.<Object>asList(row.orgCode(), row.orgName(), row.numerator(), row.denominator(),
					figure(row.value()), figure(row.lower95()), figure(row.upper95()), row.comparison().label(),
					row.decile()))
			.toList();
		return new Table(indicator.name() + " (" + indicator.unit() + "), " + period + ", practices of " + ccgCode,
				List.of("Code", "Name", "Numerator", "Denominator", "Value", "Lower 95%", "Upper 95%",
						"Compared with England", "Decile"),
				cells);
	}

	static Table practicePeersTable(String practice, PracticeOutcomes.Peers peers) {
		List<String> headers = new ArrayList<>(List.of("Rank", "Practice", "Name", "Distance"));
		peers.variables().forEach(variable -> headers.add(PeerVariables.LABELS.getOrDefault(variable, variable)));
		List<List<Object>> cells = new ArrayList<>();
		List<Object> own = new ArrayList<>(java.util.Arrays.asList(null, practice, "This practice", figure(0.0)));
		own.addAll(variableValues(peers, practice));
		cells.add(own);
		for (PracticePeerGroups.Peer peer : peers.peers()) {
			List<Object> row = new ArrayList<>(List.of(peer.rank(), peer.practiceCode(), peer.name(),
					figure(peer.distance())));
			row.addAll(variableValues(peers, peer.practiceCode()));
			cells.add(row);
		}
		return new Table("The 10 most similar practices to " + practice, headers, cells);
	}

	/** A practice's variables in the order of {@code peers.variables()}; null where it has none. */
	static List<Object> variableValues(PracticeOutcomes.Peers peers, String practiceCode) {
		List<PeerGroups.Variable> own = peers.values().getOrDefault(practiceCode, List.of());
		List<Object> values = new ArrayList<>();
		for (String variable : peers.variables()) {
			values.add(own.stream()
				.filter(v -> v.variable().equals(variable))
				.map(v -> figure(v.value()))
				.findFirst()
				.orElse(null));
		}
		return values;
	}

	public static Double round(Double value) {
		return value == null ? null : Math.round(value * 1000) / 1000.0;
	}

	/**
	 * A figure of a CSV export as the pages show it: to 2 decimal places (issue 21, defect 5: no raw floating-point
	 * numbers in exports; docs/domain-rules.md, "Exports"). Exact, not a double, so that it prints as 1966.38.
	 */
	public static java.math.BigDecimal figure(Double value) {
		return value == null || value.isNaN() || value.isInfinite() ? null
				: java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
	}
}
