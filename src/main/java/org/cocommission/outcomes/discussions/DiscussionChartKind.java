package org.cocommission.outcomes.discussions;

import java.util.Arrays;

/** The chart a comment refers to, captured with it: one organisation's deciles over time, a funnel plot, a spine chart. */
public enum DiscussionChartKind {

	DECILES("deciles", "Deciles over time"),
	FUNNEL("funnel", "Funnel plot"),
	SPINE("spine", "CCG spine chart");

	private final String slug;

	private final String label;

	DiscussionChartKind(String slug, String label) {
		this.slug = slug;
		this.label = label;
	}

	public String slug() {
		return slug;
	}

	public String label() {
		return label;
	}

	/** The kind for a form or API value; null when none was chosen. */
	public static DiscussionChartKind fromSlug(String slug) {
		if (slug == null || slug.isBlank() || slug.equalsIgnoreCase("none")) {
			return null;
		}
		return Arrays.stream(values())
			.filter(kind -> kind.slug.equalsIgnoreCase(slug.trim()) || kind.name().equalsIgnoreCase(slug.trim()))
			.findFirst()
			.orElseThrow(() -> DiscussionInputException.of("chart",
					"Choose the deciles chart, the funnel plot, the spine chart or no chart"));
	}
}
