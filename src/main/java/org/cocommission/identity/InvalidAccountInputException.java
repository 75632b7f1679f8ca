package org.cocommission.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input about an account that cannot be accepted, with a message per field (in the order of the form) so that a form can show each next to its
 * field; as an {@link IllegalArgumentException} the API answers it with a 400.
 */
public class InvalidAccountInputException extends IllegalArgumentException {

	private final Map<String, String> fieldErrors;

	public InvalidAccountInputException(Map<String, String> fieldErrors) {
		super(fieldErrors.entrySet().stream()
			.map(error -> error.getKey() + ": " + error.getValue())
			.collect(Collectors.joining("; ")));
		this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
	}

	public static InvalidAccountInputException of(String field, String message) {
		return new InvalidAccountInputException(Map.of(field, message));
	}

	/** Field name to message, e.g. {@code password -> Enter a password of at least 12 characters}. */
	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}
}
