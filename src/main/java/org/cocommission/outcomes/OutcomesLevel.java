package org.cocommission.outcomes;

import java.util.Arrays;

/** Where a value is computed: practices, and the sums of their numerators and denominators above them. */
public enum OutcomesLevel {

	PRACTICE("practice", "Practices"),
	CCG("ccg", "CCGs"),
	/** Integrated care boards, from 1 July 2022: the sums of their sub-ICB locations (docs/domain-rules.md#outcomes). */
	ICB("icb", "ICBs"),
	AREA_TEAM("area-team", "Area teams"),
	REGION("region", "Regions"),
	ENGLAND("england", "England");

	private final String slug;

	private final String label;

	OutcomesLevel(String slug, String label) {
		this.slug = slug;
		this.label = label;
	}

	public String slug() {
		return slug;
	}

	public String label() {
		return label;
	}

	/** The label inside a sentence: "practices", "area teams", but "CCGs" and "England" as they are spelled. */
	public String inSentence() {
		return this == CCG || this == ICB || this == ENGLAND ? label : label.toLowerCase(java.util.Locale.ROOT);
	}

	public static OutcomesLevel fromSlug(String slug) {
		return Arrays.stream(values())
			.filter(level -> level.slug.equalsIgnoreCase(slug) || level.name().equalsIgnoreCase(slug))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"level must be one of practice, ccg, icb, area-team, region, england, not '" + slug + "'"));
	}
}
