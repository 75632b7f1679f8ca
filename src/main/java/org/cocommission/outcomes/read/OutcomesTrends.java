package org.cocommission.outcomes.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.Structure;
import org.cocommission.outcomes.ValueRow;
import org.cocommission.outcomes.statistics.ChiSquaredTrend;
import org.cocommission.outcomes.statistics.RecentTrend;
import org.cocommission.outcomes.statistics.Trend;
import org.cocommission.outcomes.statistics.TrendDirection;
import org.cocommission.outcomes.statistics.TrendSignificance;

import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Trends per organisation (issue 5, item 3): whether the change of its value between two periods is statistically
 * significant ({@link TrendSignificance}), from the previous period to the latest and from the first to the latest.
 * Computed when read from the stored values, so they always match them. The pages call it once per table row; the
 * table's trends are computed with the first row and kept for the rest of the request.
 */
@Service
public class OutcomesTrends {

	private final Indicators indicators;

	private final OutcomesValues values;

	private final AccessPolicy access;

	OutcomesTrends(Indicators indicators, OutcomesValues values, AccessPolicy access) {
		this.indicators = indicators;
		this.values = values;
		this.access = access;
	}

	/**
	 * One organisation's trend for every pair of consecutive periods, oldest first, then from the first period to the
	 * latest when there are more than two.
	 */
	public List<Trend> trends(String indicatorId, OutcomesLevel level, String orgCode) {
		access.requireUser();
		String org = orgCode(orgCode);
		Indicator indicator = indicators.get(indicatorId);
		Map<String, ValueRow> series = series(indicator, level, org);
		List<String> periods = values.periods(indicatorId);
		List<Trend> trends = new ArrayList<>();
		for (int index = 1; index < periods.size(); index++) {
			trends.add(trend(indicator, org, periods.get(index - 1), periods.get(index), series));
		}
		if (periods.size() > 2) {
			trends.add(trend(indicator, org, periods.get(0), periods.get(periods.size() - 1), series));
		}
		return trends;
	}

	/** One organisation's recent trend: the chi-squared test for trend over its last five periods (proportions). */
	public RecentTrend recent(String indicatorId, OutcomesLevel level, String orgCode) {
		access.requireUser();
		String org = orgCode(orgCode);
		Indicator indicator = indicators.get(indicatorId);
		Map<String, ValueRow> series = series(indicator, level, org);
		return ChiSquaredTrend.of(indicator, org, new ArrayList<>(series.keySet()), new ArrayList<>(series.values()));
	}

	private static String orgCode(String orgCode) {
		if (orgCode == null || orgCode.isBlank()) {
			throw new IllegalArgumentException("Give the organisation's code as org");
		}
		return orgCode.trim().toUpperCase();
	}

	/** The organisation's value in each period it has one, oldest first; 404 when it has none. */
	private Map<String, ValueRow> series(Indicator indicator, OutcomesLevel level, String org) {
		Map<String, ValueRow> series = new LinkedHashMap<>();
		for (String period : values.periods(indicator.id())) {
			values.valuesOf(indicator.id(), level, period, List.of(org)).forEach(row -> series.put(period, row));
		}
		if (series.isEmpty()) {
			throw new java.util.NoSuchElementException("No " + level.label().toLowerCase() + " value of "
					+ indicator.id() + " for " + org);
		}
		return series;
	}

	/** The trends into {@code period} of the organisations of a league table's rows, by organisation code. */
	public Map<String, TrendPair> league(Indicator indicator, OutcomesLevel level, String period, List<ValueRow> rows) {
		return league(indicator, level, period, rows, null);
	}

	/**
	 * As above, the rows being of a chosen structure (null: as the values are stored): the earlier periods' values are
	 * read in the same structure, so a CCG formed by a merger has its trend over its re-mapped series
	 * (docs/domain-rules.md#outcomes, "Structure").
	 */
	public Map<String, TrendPair> league(Indicator indicator, OutcomesLevel level, String period, List<ValueRow> rows,
			Structure structure) {
		String key = "outcomesTrends.league:" + indicator.id() + ":" + level + ":" + period + ":" + structure + ":"
				+ System.identityHashCode(rows);
		return perRequest(key, () -> {
			List<String> periods = values.periods(indicator.id());
			int at = periods.indexOf(period);
			List<String> codes = rows.stream().map(ValueRow::orgCode).toList();
			Map<String, ValueRow> previous = at > 0 ? byOrg(valuesOf(indicator, level, periods.get(at - 1), codes, structure))
					: Map.of();
			Map<String, ValueRow> first = at > 1 ? byOrg(valuesOf(indicator, level, periods.get(0), codes, structure))
					: Map.of();
			Map<String, TrendPair> trends = new LinkedHashMap<>();
			for (ValueRow row : rows) {
				Trend sincePrevious = at > 0 ? TrendSignificance.between(indicator, periods.get(at - 1),
						previous.get(row.orgCode()), period, row) : null;
				Trend sinceFirst = at > 1 ? TrendSignificance.between(indicator, periods.get(0), first.get(row.orgCode()),
						period, row) : null;
				trends.put(row.orgCode(), new TrendPair(sincePrevious, sinceFirst));
			}
			return trends;
		});
	}

	private List<ValueRow> valuesOf(Indicator indicator, OutcomesLevel level, String period, List<String> codes,
			Structure structure) {
		if (structure == null || structure.asWas() || level == OutcomesLevel.PRACTICE) {
			// A practice's value does not depend on the structure; stored values are each period as it was.
			return values.valuesOf(indicator.id(), level, period, codes);
		}
		java.util.Set<String> wanted = new java.util.HashSet<>(codes);
		return values.values(indicator.id(), level, period, null, structure)
			.stream()
			.filter(row -> wanted.contains(row.orgCode()))
			.toList();
	}

	/** The trends of a CCG's spine rows (each indicator's latest period), by indicator id. */
	public Map<String, TrendPair> spine(String ccgCode, List<SpineRow> rows) {
		return spine(ccgCode, rows, null);
	}

	/** As above, the rows being of a chosen structure (null: as stored): the earlier periods read in the same one. */
	public Map<String, TrendPair> spine(String ccgCode, List<SpineRow> rows, Structure structure) {
		return perRequest("outcomesTrends.spine:" + ccgCode + ":" + structure + ":" + System.identityHashCode(rows), () -> {
			Map<String, TrendPair> trends = new LinkedHashMap<>();
			for (SpineRow row : rows) {
				trends.put(row.indicator().id(),
						league(row.indicator(), OutcomesLevel.CCG, row.period(), List.of(row.ccg()), structure)
							.get(ccgCode));
			}
			return trends;
		});
	}

	private static Trend trend(Indicator indicator, String org, String from, String to, Map<String, ValueRow> series) {
		Trend trend = TrendSignificance.between(indicator, from, series.get(from), to, series.get(to));
		return trend.orgCode() != null ? trend
				: new Trend(trend.indicatorId(), org, from, to, null, null, null, false, false, TrendDirection.NOT_TESTED);
	}

	private static Map<String, ValueRow> byOrg(List<ValueRow> rows) {
		return rows.stream().collect(Collectors.toMap(ValueRow::orgCode, Function.identity()));
	}

	@SuppressWarnings("unchecked")
	private static <T> T perRequest(String key, Supplier<T> compute) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return compute.get();
		}
		Object kept = request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
		if (kept == null) {
			kept = compute.get();
			request.setAttribute(key, kept, RequestAttributes.SCOPE_REQUEST);
		}
		return (T) kept;
	}
}
