package org.cocommission.outcomes;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Which organisation structure values are shown in (docs/domain-rules.md#outcomes, "Structure"): every period
 * re-mapped onto the organisations of one date (by default today), so that a merged CCG has one series built from its
 * practices; or each period as it was ({@link #AS_WAS}), as the values are stored.
 */
public record Structure(LocalDate date) {

	public static final Structure AS_WAS = new Structure(null);

	/**
	 * The {@code structure} parameter as written: {@code as-was} or a date {@code YYYY-MM-DD}. Spring binds it through
	 * {@code StructureConverter}; anything else is a type mismatch, answered 400 naming the parameter.
	 */
	public static Structure of(String text) {
		if (text.trim().equalsIgnoreCase("as-was")) {
			return AS_WAS;
		}
		try {
			return new Structure(LocalDate.parse(text.trim()));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("structure must be as-was or a date YYYY-MM-DD, not '" + text + "'", ex);
		}
	}

	/** The structure asked for, or today's when none was. */
	public static Structure askedOrToday(Structure asked, LocalDate today) {
		return asked != null ? asked : new Structure(today);
	}

	public boolean asWas() {
		return date == null;
	}

	/** The parameter's value for links: {@code as-was} or the date. */
	public String parameter() {
		return asWas() ? "as-was" : date.toString();
	}

	/** What the page says it shows. */
	public String label() {
		return asWas() ? "Each period in the organisations of its own time (as it was)"
				: "Every period re-mapped onto the organisations of "
						+ date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
	}
}
