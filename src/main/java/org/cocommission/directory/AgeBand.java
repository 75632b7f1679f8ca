package org.cocommission.directory;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The 5-year age bands the directory keeps registered lists in: {@code 0_4} to {@code 85_89}, then {@code 90+}.
 * NHS Digital publishes single years and bands up to {@code 95+}; both fold into these.
 */
public record AgeBand(String code, int from) {

	public static final List<AgeBand> ALL = IntStream.rangeClosed(0, 18)
		.mapToObj(index -> index == 18 ? new AgeBand("90+", 90) : new AgeBand(index * 5 + "_" + (index * 5 + 4), index * 5))
		.toList();

	/** The band a published {@code AGE} value falls in: a single year ({@code 37}, {@code 95+}) or a band ({@code 35_39}). */
	public static AgeBand of(String publishedAge) {
		String age = publishedAge.trim();
		int years;
		if (age.endsWith("+")) {
			years = Integer.parseInt(age.substring(0, age.length() - 1));
		}
		else if (age.contains("_")) {
			String[] bounds = age.split("_");
			years = Integer.parseInt(bounds[0]);
			int to = Integer.parseInt(bounds[1]);
			if (to < years || (years < 90 && (years % 5 != 0 || to != years + 4))) {
				throw new IllegalArgumentException("'" + publishedAge + "' is not a 5-year age band");
			}
		}
		else {
			years = Integer.parseInt(age);
		}
		if (years < 0 || years > 130) {
			throw new IllegalArgumentException("'" + publishedAge + "' is not an age");
		}
		return ALL.get(Math.min(years / 5, 18));
	}
}
