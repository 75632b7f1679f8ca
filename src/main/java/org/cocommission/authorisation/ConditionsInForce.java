package org.cocommission.authorisation;

import java.time.LocalDate;
import java.util.List;

/** Conditions in force at the end of each month from the first panel until none is left (or today). */
public record ConditionsInForce(List<Point> points) {

	public record Point(LocalDate on, int conditions, int withDirections, int ccgs) {
	}
}
