package org.cocommission.workforce.measures;

import org.cocommission.workforce.WorkforceMeasure;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code measure} parameter with {@link WorkforceMeasure#parse} (its name, in any case); blank is no value.
 * An unknown measure is a type mismatch, worded in messages.properties.
 */
@Component
class WorkforceMeasureConverter implements Converter<String, WorkforceMeasure> {

	@Override
	public WorkforceMeasure convert(String value) {
		return value.isBlank() ? null : WorkforceMeasure.parse(value);
	}
}
