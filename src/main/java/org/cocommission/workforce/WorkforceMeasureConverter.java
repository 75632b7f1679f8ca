package org.cocommission.workforce;

import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code measure} parameter by its name ({@code GP_FTE_PER_10K}, in any case); blank is no value. An unknown
 * measure is a type mismatch, worded in messages.properties.
 */
@Component
class WorkforceMeasureConverter implements Converter<String, WorkforceMeasure> {

	@Override
	public WorkforceMeasure convert(String value) {
		return value.isBlank() ? null : WorkforceMeasure.valueOf(value.trim().toUpperCase(Locale.ROOT));
	}
}
