package org.cocommission.outcomes.read;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.statistics.PeerAverage;
import org.cocommission.outcomes.ValueRow;

/**
 * One indicator on a practice's spine chart, at the practice's latest period: England's value, the practice's value
 * (with its interval, comparison with England and decile), its CCG's value, its 10 peers' pooled average, range and
 * the practice's comparison with them, and the range of all practices.
 */
public record PracticeSpineRow(Indicator indicator, String period, Double england, ValueRow practice, ValueRow ccg,
		PeerAverage peers, Double practicesLowest, Double practicesHighest) {

	public PracticeSpineRow {
		if (indicator == null || period == null || practice == null || peers == null) {
			throw new IllegalArgumentException("A spine row needs the indicator, period, practice value and peer average");
		}
	}
}
