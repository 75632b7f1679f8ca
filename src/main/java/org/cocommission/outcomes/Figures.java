package org.cocommission.outcomes;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers as the outcomes pages write them: thousands separated by commas, a fixed number of decimals. */
final class Figures {

	private static final ThreadLocal<DecimalFormat> WHOLE = ThreadLocal.withInitial(() -> format("#,##0"));

	private static final ThreadLocal<DecimalFormat> HUNDREDTHS = ThreadLocal.withInitial(() -> format("#,##0.00"));

	private Figures() {
	}

	/** To two decimals, such as 4,484.89. */
	static String decimal(double value) {
		return HUNDREDTHS.get().format(value);
	}

	/** Rounded to a whole number, such as 249,170. */
	static String whole(double value) {
		return WHOLE.get().format(value);
	}

	private static DecimalFormat format(String pattern) {
		return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK));
	}
}
