package org.cocommission.directory.organisations;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.cocommission.directory.ListSizePoint;
import org.cocommission.directory.PopulationPyramid;

/**
 * What the organisation page's charts draw, as its script reads them from {@code data-chart}: records, so that the
 * JSON's fields come in the same order at every start (a {@code Map.of} changes its order between starts).
 */
final class OrganisationCharts {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy");

	private OrganisationCharts() {
	}

	/** The pyramid as ECharts wants it: bands youngest first, males as they are (the script draws them leftwards). */
	record Pyramid(List<String> bands, List<Long> male, List<Long> female) {

		static Pyramid of(PopulationPyramid pyramid) {
			return new Pyramid(
					pyramid.bands().stream().map(band -> OrganisationPageView.ageBandLabel(band.ageBand())).toList(),
					pyramid.bands().stream().map(PopulationPyramid.Band::male).toList(),
					pyramid.bands().stream().map(PopulationPyramid.Band::female).toList());
		}
	}

	/** The registered list at each extract, oldest first, each extract named by its month ("Apr 2014"). */
	record ListSizes(List<String> dates, List<Long> patients) {

		static ListSizes of(List<ListSizePoint> points) {
			return new ListSizes(points.stream().map(point -> MONTH.format(point.extractDate())).toList(),
					points.stream().map(ListSizePoint::patients).toList());
		}
	}
}
