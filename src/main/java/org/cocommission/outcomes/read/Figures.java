package org.cocommission.outcomes.read;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as the outcomes pages write them: thousands separated by commas, a fixed number of decimals, rounded half
 * to even on the exact value, as {@link DecimalFormat} does. An indicator page writes over a thousand figures, and
 * DecimalFormat took a tenth of its time: the usual case (not negative, under a billion, not within a hair of a tie)
 * is written here from a whole number of hundredths, and any other goes to DecimalFormat.
 */
final class Figures {

	private static final ThreadLocal<DecimalFormat> WHOLE = ThreadLocal.withInitial(() -> format("#,##0"));

	private static final ThreadLocal<DecimalFormat> HUNDREDTHS = ThreadLocal.withInitial(() -> format("#,##0.00"));

	/** Below this, a double times 100 is off the exact product by far less than {@link #NEAR_TIE}. */
	private static final double FAST_BELOW = 1e9;

	/** Hundredths this close to a half might round either way once multiplied: DecimalFormat decides those. */
	private static final double NEAR_TIE = 1e-4;

	private Figures() {
	}

	/** To two decimals, such as 4,484.89. */
	static String decimal(double value) {
		if (value >= 0 && value < FAST_BELOW) {
			double hundredths = value * 100;
			double fraction = hundredths - Math.floor(hundredths);
			if (Math.abs(fraction - 0.5) > NEAR_TIE) {
				long rounded = Math.round(hundredths);
				StringBuilder text = grouped(new StringBuilder(16), rounded / 100).append('.');
				long cents = rounded % 100;
				return (cents < 10 ? text.append('0') : text).append(cents).toString();
			}
		}
		return HUNDREDTHS.get().format(value);
	}

	/** Rounded to a whole number, such as 249,170. */
	static String whole(double value) {
		if (value >= 0 && value < FAST_BELOW && value == Math.rint(value)) {
			return grouped(new StringBuilder(16), (long) value).toString();
		}
		return WHOLE.get().format(value);
	}

	/** A whole number, not negative, with commas between thousands. */
	private static StringBuilder grouped(StringBuilder text, long number) {
		if (number < 1000) {
			return text.append(number);
		}
		grouped(text, number / 1000).append(',');
		long rest = number % 1000;
		if (rest < 100) {
			text.append('0');
		}
		if (rest < 10) {
			text.append('0');
		}
		return text.append(rest);
	}

	private static DecimalFormat format(String pattern) {
		return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK));
	}
}
