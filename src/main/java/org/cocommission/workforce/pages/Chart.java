package org.cocommission.workforce.pages;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A workforce chart as workforce-charts.js reads it from a page's {@code data-chart}: the categories along the axis,
 * the unit, one or more named series (a value per category, {@code "-"} for a gap) and, on some charts, a reference
 * line (England, or the peers together), left out of the JSON when there is none.
 */
public record Chart(List<String> categories, String unit, List<Series> series,
		@JsonInclude(JsonInclude.Include.NON_NULL) Reference reference) {

	public Chart(List<String> categories, String unit, List<Series> series) {
		this(categories, unit, series, null);
	}

	/** A named series: its values in the order of the categories. */
	public record Series(String name, List<?> values) {
	}

	/** A line across the chart at one value. */
	public record Reference(String name, BigDecimal value) {
	}
}
