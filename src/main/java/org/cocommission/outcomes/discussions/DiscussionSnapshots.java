package org.cocommission.outcomes.discussions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.cocommission.outcomes.read.DecileSeries;
import org.cocommission.outcomes.Discussion;
import org.cocommission.outcomes.read.FunnelPlot;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.read.OutcomesCharts;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.read.OutcomesPages;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.read.SpineRow;

import org.springframework.stereotype.Component;

/**
 * Captures the chart a comment refers to from the module's own read services, as it is at that moment: one
 * organisation's deciles over time, the funnel plot of its level for a period (a practice among its CCG's practices),
 * or a CCG's spine chart against its peers.
 */
@Component
class DiscussionSnapshots {

	private final OutcomesValues values;

	private final Indicators indicators;

	private final DiscussionAudience audience;

	private final Clock clock;

	private final OutcomesPages pages;

	DiscussionSnapshots(OutcomesValues values, Indicators indicators, DiscussionAudience audience, Clock clock,
			OutcomesPages pages) {
		this.pages = pages;
		this.values = values;
		this.indicators = indicators;
		this.audience = audience;
		this.clock = clock;
	}

	/** The snapshot, or a field error on {@code chart} when the chart has no data (nothing is saved then). */
	DiscussionSnapshot capture(DiscussionChartKind kind, Discussion thread, String period) {
		return switch (kind) {
			case DECILES -> deciles(thread);
			case FUNNEL -> funnel(thread, period);
			case SPINE -> spine(thread);
		};
	}

	private DiscussionSnapshot deciles(Discussion thread) {
		OutcomesLevel level = thread.isPractice() ? OutcomesLevel.PRACTICE : OutcomesLevel.CCG;
		DecileSeries series = values.deciles(thread.indicatorId(), level, thread.orgCode());
		String across = level == OutcomesLevel.CCG ? "CCGs" : "practices";
		if (series.periods().isEmpty()) {
			throw noData("deciles across " + across);
		}
		Map<String, Object> chart = OutcomesCharts.decileChart(series);
		chart.put("unit", indicators.get(thread.indicatorId()).unit());
		chart.put("orgLabel", thread.orgName() + " (" + thread.orgCode() + ")");
		// A discussion with a peer shows the peer's line too, as its author saw it.
		DecileSeries peer = thread.peerCode() == null ? null : values.deciles(thread.indicatorId(), level, thread.peerCode());
		if (peer != null) {
			chart.put("peer", thread.peerCode());
			chart.put("peerLabel", thread.peerName() + " (" + thread.peerCode() + ")");
			chart.put("peerValues", peer.orgValues().stream().map(OutcomesCharts::round).toList());
		}
		List<List<Object>> rows = new ArrayList<>();
		for (int index = 0; index < series.periods().size(); index++) {
			List<Object> row = new ArrayList<>();
			row.add(series.periods().get(index));
			for (double cut : series.cuts().get(index)) {
				row.add(OutcomesCharts.round(cut));
			}
			row.add(OutcomesCharts.round(series.orgValues().get(index)));
			if (peer != null) {
				row.add(OutcomesCharts.round(peer.orgValues().get(index)));
			}
			row.add(OutcomesCharts.round(series.englandValues().get(index)));
			rows.add(row);
		}
		return snapshot(DiscussionChartKind.DECILES, "Deciles of " + thread.indicatorName() + " across " + across
				+ ", with " + thread.orgCode(), thread, null, chart,
				peer == null ? List.of("Period", "10th", "20th", "30th", "40th", "50th", "60th", "70th", "80th", "90th",
						thread.orgCode(), "England")
						: List.of("Period", "10th", "20th", "30th", "40th", "50th", "60th", "70th", "80th", "90th",
								thread.orgCode(), thread.peerCode(), "England"),
				rows);
	}

	private DiscussionSnapshot funnel(Discussion thread, String requestedPeriod) {
		String period = chosenPeriod(thread, requestedPeriod);
		Indicator indicator = indicators.get(thread.indicatorId());
		OutcomesLevel level = thread.isPractice() ? OutcomesLevel.PRACTICE : OutcomesLevel.CCG;
		// A practice is drawn among its CCG's practices: all of England's would make a snapshot of megabytes.
		String parent = thread.isPractice() ? audience.ccgOf(thread.orgCode()) : null;
		FunnelPlot funnel = pages.funnel(indicator, period, values.values(indicator.id(), level, period, parent));
		if (funnel.points().isEmpty()) {
			throw noData("a funnel plot in " + period);
		}
		Map<String, Object> chart = OutcomesCharts.funnelChart(funnel, indicator, thread.orgCode());
		List<List<Object>> table = funnel.points().stream()
			.map(point -> List.<Object>of(point.orgCode(), point.orgName(), point.denominator(),
					OutcomesCharts.round(point.value()), point.outcome()))
			.toList();
		String among = parent != null ? "the practices of " + parent : "CCGs";
		return snapshot(DiscussionChartKind.FUNNEL, "Funnel plot of " + indicator.name() + ", " + period + ", "
				+ among + " around England's value", thread, period, chart,
				List.of("Code", "Name", "Denominator", "Value", "Outcome against the control limits"), table);
	}

	private DiscussionSnapshot spine(Discussion thread) {
		if (thread.isPractice()) {
			throw DiscussionInputException.of("chart", "The spine chart is drawn for CCGs; choose the deciles chart or the funnel plot");
		}
		List<String> peers = audience.peers(thread.orgCode(), thread.orgType()).stream().toList();
		List<SpineRow> spine = values.spine(thread.orgCode(), peers);
		if (spine.isEmpty()) {
			throw noData("a spine chart of " + thread.orgCode());
		}
		List<Map<String, Object>> chart = new ArrayList<>();
		List<List<Object>> table = new ArrayList<>();
		for (SpineRow row : spine) {
			chart.add(OutcomesCharts.spineItem(row));
			table.add(Arrays.asList(row.indicator().id(), row.indicator().name(), row.period(),
					OutcomesCharts.round(row.england()), OutcomesCharts.round(row.ccg().value()),
					OutcomesCharts.round(row.peerMin()), OutcomesCharts.round(row.peerMax()),
					row.ccg().comparison().label()));
		}
		return snapshot(DiscussionChartKind.SPINE, "Spine chart of " + thread.orgCode() + " against its peers", thread,
				null, Map.of("rows", chart),
				List.of("Indicator", "Name", "Period", "England", thread.orgCode(), "Peers lowest", "Peers highest",
						"Compared with England"),
				table);
	}

	private String chosenPeriod(Discussion thread, String requested) {
		List<String> periods = values.periods(thread.indicatorId());
		if (requested != null && !requested.isBlank()) {
			if (!periods.contains(requested.trim())) {
				throw DiscussionInputException.of("period", "There are no values of this indicator for " + requested.trim());
			}
			return requested.trim();
		}
		if (thread.period() != null && periods.contains(thread.period())) {
			return thread.period();
		}
		if (periods.isEmpty()) {
			throw noData("a funnel plot");
		}
		return periods.get(periods.size() - 1);
	}

	private DiscussionSnapshot snapshot(DiscussionChartKind kind, String title, Discussion thread, String period,
			Map<String, Object> chart, List<String> headings, List<List<Object>> rows) {
		return new DiscussionSnapshot(kind, title, thread.indicatorId(), thread.orgCode(), period, clock.instant(), chart,
				headings, rows);
	}

	private static DiscussionInputException noData(String what) {
		return DiscussionInputException.of("chart", "There is no data for " + what + " of this indicator yet: choose another chart or none");
	}
}
