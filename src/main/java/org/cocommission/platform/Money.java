package org.cocommission.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * An amount in pounds sterling, held to the penny. Arithmetic that can produce fractions of a penny takes the
 * rounding explicitly: NHS finance rounds half up unless a rule says otherwise.
 */
public record Money(BigDecimal pounds) implements Comparable<Money> {

	public static final Money ZERO = new Money(BigDecimal.ZERO);

	public Money {
		if (pounds == null) {
			throw new IllegalArgumentException("An amount of money needs a value");
		}
		pounds = pounds.setScale(2, RoundingMode.HALF_UP);
	}

	public static Money ofPounds(String pounds) {
		try {
			return new Money(new BigDecimal(pounds.trim().replace(",", "").replace("£", "")));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + pounds + "' is not an amount of money");
		}
	}

	public static Money ofPounds(long pounds) {
		return new Money(BigDecimal.valueOf(pounds));
	}

	public static Money ofPence(long pence) {
		return new Money(BigDecimal.valueOf(pence, 2));
	}

	public long pence() {
		return pounds.movePointRight(2).longValueExact();
	}

	public Money plus(Money other) {
		return new Money(pounds.add(other.pounds));
	}

	public Money minus(Money other) {
		return new Money(pounds.subtract(other.pounds));
	}

	public Money times(BigDecimal factor, RoundingMode rounding) {
		return new Money(pounds.multiply(factor).setScale(2, rounding));
	}

	public Money negate() {
		return new Money(pounds.negate());
	}

	public boolean isNegative() {
		return pounds.signum() < 0;
	}

	public int signum() {
		return pounds.signum();
	}

	/** In thousands of pounds, as NHS England's allocation annexes print it (e.g. 219,307). */
	public BigDecimal thousands() {
		return pounds.movePointLeft(3).setScale(0, RoundingMode.HALF_UP);
	}

	@Override
	public int compareTo(Money other) {
		return pounds.compareTo(other.pounds);
	}

	/** {@code £1,130,000.00}. */
	public String formatted() {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
		return format.format(pounds);
	}

	@Override
	public String toString() {
		return pounds.toPlainString();
	}
}
