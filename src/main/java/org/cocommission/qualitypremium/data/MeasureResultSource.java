package org.cocommission.qualitypremium.data;

import java.util.Map;

import org.cocommission.platform.FinancialYear;

/**
 * The seam through which achievement data reaches the quality premium. CSV uploads by national analysts are one
 * source ({@code UploadedMeasureResults}). Another capability (the outcomes indicators, once it exists) plugs in by
 * declaring a bean of this type: its values then take precedence, value by value, and uploads fill in whatever it
 * does not provide. Nothing here depends on that capability.
 */
public interface MeasureResultSource {

	/**
	 * Every CCG's inputs for the year, keyed by CCG code: measure values by measure code and period (the scheme year
	 * and each measure's baseline period), each standard's % achieved, and each gateway passed or failed. A source
	 * leaves out what it does not know.
	 */
	Map<String, CcgInputs> inputs(FinancialYear year);

	/** A line naming the source, printed on each result ("outcomes indicators, 2013/14 refresh"). */
	String describe(FinancialYear year);

	/** Where this source's values of one measure come from, said on each result beside the measure. */
	default String origin(FinancialYear year, String measureCode) {
		return describe(year);
	}
}
