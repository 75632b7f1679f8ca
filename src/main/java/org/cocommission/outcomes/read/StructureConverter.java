package org.cocommission.outcomes.read;

import org.cocommission.outcomes.Structure;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Binds the {@code structure} request parameter ({@code as-was} or {@code YYYY-MM-DD}); blank is no value, which the
 * pages and API read as today's structure. A value that is neither is a type mismatch, worded in messages.properties.
 */
@Component
class StructureConverter implements Converter<String, Structure> {

	@Override
	public Structure convert(String text) {
		return text.isBlank() ? null : Structure.of(text);
	}
}
