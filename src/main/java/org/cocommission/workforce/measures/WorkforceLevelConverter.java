package org.cocommission.workforce.measures;

import org.cocommission.workforce.WorkforceLevel;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code level} parameter with {@link WorkforceLevel#parse}, the one place for its spellings; blank is no
 * value. Anything else is a type mismatch, worded in messages.properties.
 */
@Component
class WorkforceLevelConverter implements Converter<String, WorkforceLevel> {

	@Override
	public WorkforceLevel convert(String value) {
		return value.isBlank() ? null : WorkforceLevel.parse(value);
	}
}
