package org.cocommission.workforce;

import java.util.Arrays;
import java.util.Locale;

import org.cocommission.platform.InvalidInputException;

/**
 * The workforce measures, each a numerator over a denominator times a scale (docs/domain-rules.md#workforce).
 * Aggregates add FTE and patients, never headcounts: a person at two practices is two heads but one FTE split between
 * them, so the share of GPs aged 55 and over, made of headcounts, is a practice measure only.
 */
public enum WorkforceMeasure {

	GP_FTE_PER_10K("GP FTE per 10,000 patients", "FTE per 10,000 patients", "TOTAL_GP_FTE", "TOTAL_PATIENTS", 10_000,
			false),

	GP_EXTGL_FTE_PER_10K("Fully qualified GP FTE per 10,000 patients (excluding trainees and locums)",
			"FTE per 10,000 patients", "TOTAL_GP_EXTGL_FTE", "TOTAL_PATIENTS", 10_000, false),

	NURSE_FTE_PER_10K("Nurse FTE per 10,000 patients", "FTE per 10,000 patients", "TOTAL_NURSES_FTE",
			"TOTAL_PATIENTS", 10_000, false),

	DPC_FTE_PER_10K("Direct patient care FTE per 10,000 patients", "FTE per 10,000 patients", "TOTAL_DPC_FTE",
			"TOTAL_PATIENTS", 10_000, false),

	ADMIN_FTE_PER_10K("Admin and non-clinical FTE per 10,000 patients", "FTE per 10,000 patients", "TOTAL_ADMIN_FTE",
			"TOTAL_PATIENTS", 10_000, false),

	PATIENTS_PER_GP_FTE("Patients per GP FTE", "patients per FTE", "TOTAL_PATIENTS", "TOTAL_GP_FTE", 1, false),

	GP_55_PLUS_SHARE("Share of GPs aged 55 and over", "% of GP headcount", WorkforceMeasures.GP_55_PLUS,
			"TOTAL_GP_HC", 100, true);

	private final String label;

	private final String unit;

	private final String numerator;

	private final String denominator;

	private final int scale;

	private final boolean practiceOnly;

	WorkforceMeasure(String label, String unit, String numerator, String denominator, int scale,
			boolean practiceOnly) {
		this.label = label;
		this.unit = unit;
		this.numerator = numerator;
		this.denominator = denominator;
		this.scale = scale;
		this.practiceOnly = practiceOnly;
	}

	public String label() {
		return label;
	}

	public String unit() {
		return unit;
	}

	/** The figure (column of the detailed file) over which the measure is made, or the sum of ages 55 and over. */
	public String numerator() {
		return numerator;
	}

	public String denominator() {
		return denominator;
	}

	public int scale() {
		return scale;
	}

	/** Made of headcounts, which do not add up above a practice. */
	public boolean practiceOnly() {
		return practiceOnly;
	}

	/** The measure by its name, in any case; every request parameter is read with it (WorkforceMeasureConverter). */
	public static WorkforceMeasure parse(String value) {
		String wanted = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(measure -> measure.name().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("measure", "Choose a measure: " + Arrays.toString(values())));
	}
}
