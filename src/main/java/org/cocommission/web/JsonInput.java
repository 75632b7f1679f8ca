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
 * otherwise reach a column and overflow it), and no {@code double} or {@code float} that is not finite ({@code 1e400}
 * reads as Infinity, and {@code "NaN"} as NaN, which no column or sum should hold).
 */
@Configuration(proxyBeanMethods = false)
class JsonInput {

	static final int MAX_DIGITS = 18;

	@Bean
	SimpleModule storableJsonValues() {
		SimpleModule module = new SimpleModule("storable-json-values");
		module.addDeserializer(String.class, new NoNulStrings());
		module.addDeserializer(BigDecimal.class, new BoundedDecimals());
		module.addDeserializer(Double.class, new FiniteDoubles(Double.class, null));
		module.addDeserializer(Double.TYPE, new FiniteDoubles(Double.TYPE, 0.0));
		module.addDeserializer(Float.class, new FiniteFloats(Float.class, null));
		module.addDeserializer(Float.TYPE, new FiniteFloats(Float.TYPE, 0.0f));
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

	/** A double (or Double) that reads as Infinity or NaN is refused, naming the field. */
	static final class FiniteDoubles extends NumberDeserializers.DoubleDeserializer {

		private final Class<Double> type;

		@SuppressWarnings("unchecked")
		FiniteDoubles(Class<?> type, Double nullValue) {
			super((Class<Double>) type, nullValue);
			this.type = (Class<Double>) type;
		}

		@Override
		public Double deserialize(JsonParser parser, DeserializationContext context) {
			Double value = super.deserialize(parser, context);
			if (value != null && !Double.isFinite(value)) {
				return (Double) context.handleWeirdNumberValue(type, value,
						"is not a finite number (too large, or not a number)");
			}
			return value;
		}
	}

	/** A float (or Float) that reads as Infinity or NaN is refused, naming the field. */
	static final class FiniteFloats extends NumberDeserializers.FloatDeserializer {

		private final Class<Float> type;

		@SuppressWarnings("unchecked")
		FiniteFloats(Class<?> type, Float nullValue) {
			super((Class<Float>) type, nullValue);
			this.type = (Class<Float>) type;
		}

		@Override
		public Float deserialize(JsonParser parser, DeserializationContext context) {
			Float value = super.deserialize(parser, context);
			if (value != null && !Float.isFinite(value)) {
				return (Float) context.handleWeirdNumberValue(type, value,
						"is not a finite number (too large, or not a number)");
			}
			return value;
		}
	}
}
