package org.cocommission.workforce.imports;

import java.util.Arrays;
import java.util.NoSuchElementException;

/** The workforce files the import takes, by the slug of their API path. */
public enum WorkforceFile {

	/** NHS Digital's "General Practice Workforce" practice-level "Detailed" file: one row a practice. */
	PRACTICE_DETAILED("practice-detailed", "DETAILED", "Practice-level detailed file"),

	/** The practice-level "high level" long file: a row per practice, staff group, role and measure. */
	HIGH_LEVEL("high-level", "HIGH_LEVEL", "Practice-level high level file"),

	/** National full-time equivalents by staff group and year (hospital and community health services, and GPs). */
	HCHS("hchs", "HCHS", "National staff groups by year");

	private final String slug;

	private final String source;

	private final String label;

	WorkforceFile(String slug, String source, String label) {
		this.slug = slug;
		this.source = source;
		this.label = label;
	}

	public String slug() {
		return slug;
	}

	/** How the stored figures say which file they came from. */
	public String source() {
		return source;
	}

	public String label() {
		return label;
	}

	public static WorkforceFile fromSlug(String slug) {
		return Arrays.stream(values())
			.filter(file -> file.slug.equals(slug))
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("No workforce file kind " + slug
					+ "; use practice-detailed, high-level or hchs"));
	}
}
