package org.cocommission.cocommissioning;

/**
 * The written sections every application needs: how the powers would advance integration of care outside hospital,
 * raise standards, cut health inequalities, and how conflicts of interest will be managed. Source: NHS England,
 * invitation to express interest in co-commissioning (May 2014); docs/domain-rules.md#co-commissioning.
 */
public enum Section {

	INTEGRATION("integration", "Integration of care outside hospital",
			"how the powers would advance the integration of care outside hospital"),
	STANDARDS("standards", "Raising standards of primary care", "how they would raise standards of primary care"),
	HEALTH_INEQUALITIES("health_inequalities", "Cutting health inequalities",
			"how they would cut health inequalities in primary care"),
	CONFLICTS_OF_INTEREST("conflicts_of_interest", "Conflicts of interest arrangements",
			"the governance that will guard against conflicts of interest");

	private final String column;

	private final String label;

	private final String asks;

	Section(String column, String label, String asks) {
		this.column = column;
		this.label = label;
		this.asks = asks;
	}

	String column() {
		return column;
	}

	public String label() {
		return label;
	}

	/** What the section must say, for the message naming what is missing. */
	public String asks() {
		return asks;
	}

	public String slug() {
		return name().toLowerCase().replace('_', '-');
	}

	/** The section's name in a form: {@code healthInequalities}. */
	public String field() {
		String slug = slug();
		StringBuilder field = new StringBuilder();
		for (String part : slug.split("-")) {
			field.append(field.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
		}
		return field.toString();
	}

	public static Section fromSlug(String slug) {
		for (Section section : values()) {
			if (section.slug().equals(slug) || section.name().equals(slug)) {
				return section;
			}
		}
		throw new IllegalArgumentException("No application section is called " + slug);
	}
}
