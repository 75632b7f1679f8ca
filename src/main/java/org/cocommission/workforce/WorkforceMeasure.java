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
			"TOTAL_GP_HC", 100, true),

	GP_FTE_PER_10K_WEIGHTED("GP FTE per 10,000 weighted patients", "FTE per 10,000 weighted patients", "TOTAL_GP_FTE",
			WorkforceMeasures.WEIGHTED_PATIENTS, 10_000, false),

	NURSE_FTE_PER_10K_WEIGHTED("Nurse FTE per 10,000 weighted patients", "FTE per 10,000 weighted patients",
			"TOTAL_NURSES_FTE", WorkforceMeasures.WEIGHTED_PATIENTS, 10_000, false),

	DPC_FTE_PER_10K_WEIGHTED("Direct patient care FTE per 10,000 weighted patients",
			"FTE per 10,000 weighted patients", "TOTAL_DPC_FTE", WorkforceMeasures.WEIGHTED_PATIENTS, 10_000, false),

	ADMIN_FTE_PER_10K_WEIGHTED("Admin and non-clinical FTE per 10,000 weighted patients",
			"FTE per 10,000 weighted patients", "TOTAL_ADMIN_FTE", WorkforceMeasures.WEIGHTED_PATIENTS, 10_000, false),

	GP_SHARE_OF_STAFF("Skill mix: GPs' share of staff FTE", "% of staff FTE", "TOTAL_GP_FTE",
			WorkforceMeasures.STAFF_FTE, 100, false),

	NURSE_SHARE_OF_STAFF("Skill mix: nurses' share of staff FTE", "% of staff FTE", "TOTAL_NURSES_FTE",
			WorkforceMeasures.STAFF_FTE, 100, false),

	DPC_SHARE_OF_STAFF("Skill mix: direct patient care's share of staff FTE", "% of staff FTE", "TOTAL_DPC_FTE",
			WorkforceMeasures.STAFF_FTE, 100, false),

	ADMIN_SHARE_OF_STAFF("Skill mix: admin and non-clinical share of staff FTE", "% of staff FTE", "TOTAL_ADMIN_FTE",
			WorkforceMeasures.STAFF_FTE, 100, false),

	PARTNER_FTE_PER_10K("GP partner FTE per 10,000 patients", "FTE per 10,000 patients", WorkforceMeasures.PARTNER_FTE,
			"TOTAL_PATIENTS", 10_000, false),

	SALARIED_FTE_PER_10K("Salaried GP FTE per 10,000 patients", "FTE per 10,000 patients",
			WorkforceMeasures.SALARIED_FTE, "TOTAL_PATIENTS", 10_000, false),

	PARTNER_SHARE("Partners' share of partner and salaried GP FTE", "% of partner and salaried GP FTE",
			WorkforceMeasures.PARTNER_FTE, WorkforceMeasures.PARTNER_AND_SALARIED_FTE, 100, false);

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

	/** A staff ratio a CCG may set a planning target for: FTE per 10,000 registered or weighted patients. */
	public boolean targetable() {
		return scale == 10_000;
	}

	/** Made over weighted patients (NHS Payments to General Practice, through the contracts module). */
	public boolean weighted() {
		return WorkforceMeasures.WEIGHTED_PATIENTS.equals(denominator);
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
