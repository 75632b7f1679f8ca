package org.cocommission.outcomes;

import java.util.Arrays;

/** The files observations come in. */
public enum ImportFormat {

	/** CoCommission's long CSV: {@code ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR}. */
	LONG("long", "Long CSV (ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR)"),
	/** NHS Digital's QOF prevalence file, one row per practice and disease group; the period is given separately. */
	QOF_PREVALENCE("qof-prevalence", "QOF prevalence (NHS Digital, as published)"),
	/** A Fingertips data export (Public Health England), one row per indicator, area and period. */
	FINGERTIPS("fingertips", "Fingertips data export"),
	/**
	 * Events and population by age band and sex, for directly standardised rates:
	 * {@code ORG_CODE,INDICATOR_ID,PERIOD,AGE_BAND,SEX,NUMERATOR,POPULATION}.
	 */
	AGE_BANDS("age-bands", "Age bands for standardised rates (ORG_CODE,INDICATOR_ID,PERIOD,AGE_BAND,SEX,NUMERATOR,POPULATION)");

	private final String slug;

	private final String label;

	ImportFormat(String slug, String label) {
		this.slug = slug;
		this.label = label;
	}

	public String slug() {
		return slug;
	}

	public String label() {
		return label;
	}

	public static ImportFormat fromSlug(String slug) {
		return Arrays.stream(values())
			.filter(format -> format.slug.equals(slug))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"format must be one of long, qof-prevalence, fingertips, age-bands, not '" + slug + "'"));
	}
}
