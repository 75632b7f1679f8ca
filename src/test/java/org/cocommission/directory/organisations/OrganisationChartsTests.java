package org.cocommission.directory.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.directory.ListSizePoint;
import org.cocommission.directory.PopulationPyramid;
import org.cocommission.directory.PopulationPyramid.Band;

/**
 * The organisation page's chart data has the fields and nesting the page script reads (the same as the maps it was
 * built from before), in one order at every start.
 */
class OrganisationChartsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private static final PopulationPyramid PYRAMID = new PopulationPyramid("A81001", LocalDate.of(2014, 4, 1),
			List.of(new Band("0_4", 120, 115), new Band("5_9", 130, 128), new Band("90+", 8, 21)), 258, 264);

	private static final List<ListSizePoint> LISTS = List.of(new ListSizePoint(LocalDate.of(2013, 4, 1), 4_012),
			new ListSizePoint(LocalDate.of(2014, 4, 1), 4_100));

	@Test
	void thePyramidHasItsBandsYoungestFirstAndBothSexes() {
		String chart = json.writeValueAsString(OrganisationCharts.Pyramid.of(PYRAMID));

		assertThat(chart).isEqualTo(
				"{\"bands\":[\"0 to 4\",\"5 to 9\",\"90 and over\"],\"male\":[120,130,8],\"female\":[115,128,21]}");
		// What the page drew before, from a Map.of: the same fields and nesting, in whatever order.
		assertThat(json.readTree(chart)).isEqualTo(json.readTree(json.writeValueAsString(Map.of("bands",
				List.of("0 to 4", "5 to 9", "90 and over"), "male", List.of(120L, 130L, 8L), "female",
				List.of(115L, 128L, 21L)))));
	}

	@Test
	void theListSizeHistoryNamesEachExtractByItsMonth() {
		String chart = json.writeValueAsString(OrganisationCharts.ListSizes.of(LISTS));

		String apr2013 = java.time.format.DateTimeFormatter.ofPattern("MMM yyyy").format(LocalDate.of(2013, 4, 1));
		String apr2014 = java.time.format.DateTimeFormatter.ofPattern("MMM yyyy").format(LocalDate.of(2014, 4, 1));
		assertThat(chart)
			.isEqualTo("{\"dates\":[\"" + apr2013 + "\",\"" + apr2014 + "\"],\"patients\":[4012,4100]}");
		assertThat(json.readTree(chart)).isEqualTo(json.readTree(json.writeValueAsString(
				Map.of("dates", List.of(apr2013, apr2014), "patients", List.of(4_012L, 4_100L)))));
	}
}
