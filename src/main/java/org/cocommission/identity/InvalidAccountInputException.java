package org.cocommission.identity;

import java.util.Map;
import java.util.stream.Collectors;

import org.cocommission.platform.InvalidInputException;

/**
 * Input about an account that cannot be accepted, with a message per field in the order of the form. A thin
 * {@link InvalidInputException} whose message names each field before its problem ({@code password: ...}), as the
 * account API's problem details always have.
 */
public class InvalidAccountInputException extends InvalidInputException {

	public InvalidAccountInputException(Map<String, String> fieldErrors) {
		super(fieldErrors);
	}

	public static InvalidAccountInputException of(String field, String message) {
		return new InvalidAccountInputException(Map.of(field, message));
	}

	@Override
	public String getMessage() {
		return fieldErrors().entrySet()
			.stream()
			.map(error -> error.getKey() + ": " + error.getValue())
			.collect(Collectors.joining("; "));
	}
}
