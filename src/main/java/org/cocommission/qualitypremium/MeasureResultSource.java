package org.cocommission.qualitypremium;

import java.util.Map;

import org.cocommission.platform.FinancialYear;

/**
 * Where measure achievement comes from. Today: CSV uploads by national analysts; later the outcomes capability can
 * provide an implementation (a bean of this type marked @Primary) from its computed indicator values.
 */
public interface MeasureResultSource {

	/** Every CCG's inputs for the year, keyed by CCG code. */
	Map<String, CcgInputs> inputs(FinancialYear year);

	/** A line naming the source, printed on each result ("uploaded CSV, import 12"). */
	String describe(FinancialYear year);
}
