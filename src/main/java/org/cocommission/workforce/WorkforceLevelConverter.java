package org.cocommission.workforce;

import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code level} parameter as links write it: {@code practice}, {@code ccg} (or {@code sub-icb}),
 * {@code england} (or {@code national}), in any case; blank is no value. Anything else is a type mismatch, worded in
 * messages.properties.
 */
@Component
class WorkforceLevelConverter implements Converter<String, WorkforceLevel> {

	@Override
	public WorkforceLevel convert(String value) {
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "" -> null;
			case "practice" -> WorkforceLevel.PRACTICE;
			case "ccg", "sub-icb" -> WorkforceLevel.CCG;
			case "england", "national" -> WorkforceLevel.ENGLAND;
			default -> throw new IllegalArgumentException("'" + value + "' is not a workforce level");
		};
	}
}
