package org.cocommission.governance.web;

import java.util.Locale;

import org.cocommission.governance.BodyChoice;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link BodyChoice} as a page sends it ({@code ods:CODE} or {@code body:ID}); blank is no choice, anything
 * else is a type mismatch, worded in messages.properties.
 */
@Component
public class BodyChoiceConverter implements Converter<String, BodyChoice> {

	@Override
	public BodyChoice convert(String value) {
		String text = value.trim();
		if (text.isEmpty()) {
			return null;
		}
		if (text.startsWith("ods:") && text.length() > 4 && text.length() <= 16) {
			return BodyChoice.ofOrganisation(text.substring(4).toUpperCase(Locale.ROOT));
		}
		if (text.startsWith("body:")) {
			return BodyChoice.ofBody(Long.parseLong(text.substring(5)));
		}
		throw new IllegalArgumentException("Not a body chosen from the list: " + value);
	}
}
