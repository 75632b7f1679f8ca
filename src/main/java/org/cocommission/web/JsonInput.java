package org.cocommission.web;

import java.math.BigDecimal;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What any JSON body may hold, refused while it is read so that the answer is a 400 naming the field, before any
 * service sees it: no text with a NUL character (PostgreSQL can neither store nor compare one), and no number beyond
 * {@link #MAX_DIGITS} digits before the point (more than any amount, count or rate CoCommission holds; 1e400 would
 * otherwise reach a column and overflow it).
 */
@Configuration(proxyBeanMethods = false)
class JsonInput {

	static final int MAX_DIGITS = 18;

	@Bean
	SimpleModule storableJsonValues() {
		SimpleModule module = new SimpleModule("storable-json-values");
		module.addDeserializer(String.class, new NoNulStrings());
		module.addDeserializer(BigDecimal.class, new BoundedDecimals());
		return module;
	}

	static final class NoNulStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			if (value != null && value.indexOf('\0') >= 0) {
				return (String) context.handleWeirdStringValue(String.class, value,
						"contains a NUL character, which text may not contain");
			}
			return value;
		}
	}

	static final class BoundedDecimals extends NumberDeserializers.BigDecimalDeserializer {

		@Override
		public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
			BigDecimal value = super.deserialize(parser, context);
			if (value != null && value.precision() - value.scale() > MAX_DIGITS) {
				return (BigDecimal) context.handleWeirdNumberValue(BigDecimal.class, value,
						"is too large: at most " + MAX_DIGITS + " digits before the decimal point");
			}
			return value;
		}
	}
}
