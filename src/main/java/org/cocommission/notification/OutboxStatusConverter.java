package org.cocommission.notification;

import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads a status from a request in any case ({@code pending}); an unknown name is a type mismatch. */
@Component
class OutboxStatusConverter implements Converter<String, OutboxStatus> {

	@Override
	public OutboxStatus convert(String value) {
		return value.isBlank() ? null : OutboxStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
	}
}
