package org.cocommission.platform;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a financial year from a request parameter or form field as people write it ({@code 2014/15},
 * {@code 2014-15}); blank is no value. Spring's binder uses it for every {@link FinancialYear} it binds; a value that
 * is not a year is a type mismatch, worded in messages.properties and answered 400 naming the parameter.
 */
@Component
class FinancialYearConverter implements Converter<String, FinancialYear> {

	@Override
	public FinancialYear convert(String text) {
		return text.isBlank() ? null : FinancialYear.parse(text);
	}
}
