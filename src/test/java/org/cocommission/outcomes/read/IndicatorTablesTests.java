package org.cocommission.outcomes.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.statistics.Trend;
import org.cocommission.outcomes.statistics.TrendDirection;
import org.cocommission.outcomes.ValueRow;

/** The indicator page's tables written in Java: the same cells the template wrote, every text escaped. */
class IndicatorTablesTests {

	@Test
	void aLeagueRowLinksItsCcgAndShowsItsFiguresAndTrends() {
		ValueRow row = new ValueRow("01A", "NHS <FIRST> & SECOND CCG", "Q01", 11_175, 249_170, 4_484.894, 4_402.12,
				4_568.83, 4_380.0, 4_590.0, "WORSE", 10);
		Trend worsening = new Trend("X", "01A", "2014/15", "2015/16", 4_300.0, 4_484.894, 4.83, true, true,
				TrendDirection.WORSENING);
		String html = IndicatorTables.league(
				LeagueLine.of(OutcomesLevel.CCG, List.of(row), Map.of("01A", new TrendPair(worsening, null))));
		assertThat(html).startsWith("<tr><td class=\"nhsuk-table__cell\"><a href=\"/outcomes/ccgs/01A\">"
				+ "NHS &lt;FIRST&gt; &amp; SECOND CCG (01A)</a></td>")
			.contains(">11,175 / 249,170<", ">4,484.89<", ">4,402.12 to 4,568.83<",
					"<strong class=\"nhsuk-tag nhsuk-tag--red\">Significantly worse</strong>", ">10<",
					"<span class=\"nhsuk-body-s\">since 2014/15:</span> <strong class=\"nhsuk-tag nhsuk-tag--red\""
							+ " title=\"z = 4.83, significant at 99.8%\">Worsening</strong>")
			.doesNotContain("<FIRST>");
	}

	@Test
	void anApostropheOrQuoteInANameIsEscapedAndPlainNamesAreWrittenAsTheyAre() {
		ValueRow quoted = new ValueRow("01B", "ST HELEN'S \"EAST\"", "Q01", 1, 2, 50.0, null, null, null, null,
				"SIMILAR", 5);
		ValueRow plain = new ValueRow("01C", "NHS PLAIN CCG", "Q01", 1, 2, 50.0, null, null, null, null, "SIMILAR", 5);
		assertThat(IndicatorTables.league(LeagueLine.of(OutcomesLevel.CCG, List.of(quoted, plain), Map.of())))
			.contains(">ST HELEN&#39;S &quot;EAST&quot; (01B)</a>", ">NHS PLAIN CCG (01C)</a>");
	}

	@Test
	void aRegionRowIsNotALinkAndMissingFiguresAreDashes() {
		ValueRow row = new ValueRow("Y01", "NORTH", null, 3, 20, null, null, null, null, null, "NOT_COMPARED", null);
		String html = IndicatorTables.league(LeagueLine.of(OutcomesLevel.REGION, List.of(row), Map.of()));
		assertThat(html).contains("<span>NORTH (Y01)</span>", ">suppressed<", ">-</td>").doesNotContain("<a ");
	}

	@Test
	void decileRowsGiveTheTenthMedianAndNinetiethPercentilesWithTheLines() {
		double[] cuts = { 10, 20, 30, 40, 50, 60, 70, 80, 1_090.5 };
		DecileSeries series = new DecileSeries("X", OutcomesLevel.CCG, List.of("2015/16"), List.<double[]>of(cuts),
				"01A", Arrays.asList((Double) null), List.of(45.0));
		assertThat(IndicatorTables.deciles(series)).isEqualTo("<tr><td class=\"nhsuk-table__cell\">2015/16</td>"
				+ "<td class=\"nhsuk-table__cell cc-numeric\">10.00</td><td class=\"nhsuk-table__cell cc-numeric\">50.00</td>"
				+ "<td class=\"nhsuk-table__cell cc-numeric\">1,090.50</td><td class=\"nhsuk-table__cell cc-numeric\">-</td>"
				+ "<td class=\"nhsuk-table__cell cc-numeric\">45.00</td></tr>\n");
	}
}
