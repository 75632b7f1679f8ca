package org.cocommission.contracts.payments;

import java.util.Locale;

import org.cocommission.contracts.PaymentLevel;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code level} parameter as links write it ({@code practice}, {@code ccg}, {@code area}, {@code england},
 * in any case); blank is no value. An unknown level is a type mismatch, worded in messages.properties.
 */
@Component
class PaymentLevelConverter implements Converter<String, PaymentLevel> {

	@Override
	public PaymentLevel convert(String text) {
		return text.isBlank() ? null : PaymentLevel.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
	}
}
