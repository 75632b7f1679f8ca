package org.cocommission.directory.organisations;

import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

import org.cocommission.directory.OrganisationType;

/**
 * Reads an organisation type from a request as people and old links write it: {@code CCG}, {@code gp-practice},
 * {@code gp practice}. Spring's binder uses it for every {@link OrganisationType} parameter; an unknown name is a
 * type mismatch, worded in messages.properties.
 */
@Component
public class OrganisationTypeConverter implements Converter<String, OrganisationType> {

	@Override
	public OrganisationType convert(String value) {
		if (value.isBlank()) {
			return null;
		}
		return OrganisationType.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
	}
}
