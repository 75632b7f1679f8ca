package org.cocommission.outcomes.imports;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Binds a {@code period} request parameter or form field ({@code YYYY-MM}, {@code YYYY-Qn} or {@code YYYY/YY}) as a
 * {@link Period}; blank is no value. Anything else is a type mismatch, answered 400 naming the field (the API) or
 * shown on the field (the import page) in the words of messages.properties.
 */
@Component
class PeriodConverter implements Converter<String, Period> {

	@Override
	public Period convert(String text) {
		return text.isBlank() ? null : Period.parse(text);
	}

	/** A period as written, for a form that shows it again (its code, not the record's fields). */
	@Component
	static class Printer implements Converter<Period, String> {

		@Override
		public String convert(Period period) {
			return period.code();
		}
	}
}
