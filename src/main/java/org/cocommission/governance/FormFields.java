package org.cocommission.governance;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a governance form's errors show, the NHS.UK way: each message keyed by the id of the field it is about, so the
 * error summary links to {@code #id} and the field shows the message (templates use identity/errors :: summary and
 * :: message). A refusal from the service goes to the first field whose words its message uses, else to the first.
 */
final class FormFields {

	private final String first;

	private final Map<String, String> fieldsByWords = new LinkedHashMap<>();

	private final Map<String, String> errors = new LinkedHashMap<>();

	/** {@code wordsThenField}: pairs of a phrase (lower case) and the id of the field messages with it are about. */
	FormFields(String first, String... wordsThenField) {
		this.first = first;
		for (int index = 0; index + 1 < wordsThenField.length; index += 2) {
			fieldsByWords.put(wordsThenField[index], wordsThenField[index + 1]);
		}
	}

	/** Checks a field the service would refuse only with a message about several fields at once. */
	FormFields require(String field, String value, String message) {
		if (value == null || value.isBlank()) {
			errors.putIfAbsent(field, message);
		}
		return this;
	}

	boolean hasErrors() {
		return !errors.isEmpty();
	}

	Map<String, String> errors() {
		return new LinkedHashMap<>(errors);
	}

	/** The refusal on the field it is about. */
	Map<String, String> refused(IllegalArgumentException ex) {
		String message = ex.getMessage();
		String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
		String field = fieldsByWords.entrySet()
			.stream()
			.filter(entry -> lower.contains(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(first);
		Map<String, String> refused = new LinkedHashMap<>();
		refused.put(field, message);
		return refused;
	}
}
