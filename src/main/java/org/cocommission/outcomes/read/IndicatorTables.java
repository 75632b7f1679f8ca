package org.cocommission.outcomes.read;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * The bodies of the indicator page's two long tables, written as HTML here rather than cell by cell in the template:
 * they are most of the page, and the template engine's per-cell expressions made the page several times slower
 * under load (docs/benchmarks.md). Every text is escaped.
 */
final class IndicatorTables {

	private static final String CELL = "<td class=\"nhsuk-table__cell\">";

	private static final String NUMBER = "<td class=\"nhsuk-table__cell cc-numeric\">";

	private IndicatorTables() {
	}

	/** The league table's rows. */
	static String league(List<LeagueLine> lines) {
		StringBuilder html = new StringBuilder(lines.size() * 700);
		for (LeagueLine line : lines) {
			html.append("<tr>").append(CELL);
			if (line.href() != null) {
				html.append("<a href=\"").append(escape(line.href())).append("\">").append(escape(line.orgLabel()))
					.append("</a>");
			}
			else {
				html.append("<span>").append(escape(line.orgLabel())).append("</span>");
			}
			html.append("</td>").append(NUMBER).append(escape(line.counts())).append("</td>")
				.append(NUMBER).append(escape(line.value())).append("</td>")
				.append(NUMBER).append(escape(line.interval())).append("</td>")
				.append(CELL).append("<strong class=\"nhsuk-tag ").append(line.comparisonTag()).append("\">")
				.append(escape(line.comparison())).append("</strong></td>")
				.append(NUMBER).append(escape(line.decile())).append("</td>")
				.append("<td class=\"nhsuk-table__cell cc-trend\">");
			if (line.trends().isEmpty()) {
				html.append('-');
			}
			for (int i = 0; i < line.trends().size(); i++) {
				LeagueLine.TrendNote trend = line.trends().get(i);
				if (i > 0) {
					html.append("<br>");
				}
				html.append("<span class=\"nhsuk-body-s\">").append(escape(trend.since())).append("</span> ")
					.append("<strong class=\"nhsuk-tag ").append(trend.tag()).append('"');
				if (trend.title() != null) {
					html.append(" title=\"").append(escape(trend.title())).append('"');
				}
				html.append('>').append(escape(trend.direction())).append("</strong>");
			}
			html.append("</td></tr>\n");
		}
		return html.toString();
	}

	/** The deciles table's rows: each period's 10th, 50th and 90th percentiles, the organisation's value, England's. */
	static String deciles(DecileSeries deciles) {
		StringBuilder html = new StringBuilder(deciles.periods().size() * 400);
		for (int i = 0; i < deciles.periods().size(); i++) {
			double[] cuts = deciles.cuts().get(i);
			html.append("<tr>").append(CELL).append(escape(deciles.periods().get(i))).append("</td>")
				.append(NUMBER).append(Figures.decimal(cuts[0])).append("</td>")
				.append(NUMBER).append(Figures.decimal(cuts[4])).append("</td>")
				.append(NUMBER).append(Figures.decimal(cuts[8])).append("</td>")
				.append(NUMBER).append(orDash(at(deciles.orgValues(), i))).append("</td>")
				.append(NUMBER).append(orDash(at(deciles.englandValues(), i))).append("</td></tr>\n");
		}
		return html.toString();
	}

	private static Double at(List<Double> values, int index) {
		return index < values.size() ? values.get(index) : null;
	}

	private static String orDash(Double value) {
		return value == null ? "-" : Figures.decimal(value);
	}

	/** HtmlUtils' escape, skipped for the usual text that has nothing to escape (it copies every character). */
	private static String escape(String text) {
		for (int at = 0; at < text.length(); at++) {
			switch (text.charAt(at)) {
				case '<', '>', '&', '"', '\'' -> {
					return HtmlUtils.htmlEscape(text);
				}
				default -> {
				}
			}
		}
		return text;
	}
}
