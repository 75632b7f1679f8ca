package org.cocommission.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a financial year in a JSON body as people write it ({@code "2014/15"}, {@code "2014-15"}; blank is no value),
 * or in the shape the API answers with ({@code {"startYear": 2014}}). A value that is neither is a type mismatch on
 * its field, which the API error handler words from messages.properties as it does for a request parameter.
 */
final class FinancialYearJson extends StdDeserializer<FinancialYear> {

	FinancialYearJson() {
		super(FinancialYear.class);
	}

	@Override
	public FinancialYear deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.hasToken(JsonToken.VALUE_STRING)) {
			String text = parser.getString();
			if (text.isBlank()) {
				return null;
			}
			try {
				return FinancialYear.parse(text);
			}
			catch (IllegalArgumentException ex) {
				return (FinancialYear) context.handleWeirdStringValue(FinancialYear.class, text, ex.getMessage());
			}
		}
		if (parser.hasToken(JsonToken.START_OBJECT)) {
			JsonNode start = context.readTree(parser).get("startYear");
			if (start != null && start.canConvertToInt()) {
				try {
					return new FinancialYear(start.asInt());
				}
				catch (IllegalArgumentException ex) {
					return (FinancialYear) context.handleWeirdNumberValue(FinancialYear.class, start.asInt(),
							ex.getMessage());
				}
			}
		}
		return (FinancialYear) context.handleUnexpectedToken(FinancialYear.class, parser);
	}
}
