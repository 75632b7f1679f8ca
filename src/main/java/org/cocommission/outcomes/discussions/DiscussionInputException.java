package org.cocommission.outcomes.discussions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Discussion input that cannot be accepted, with one message per form field so that a page can show an NHS.UK error
 * summary; as an {@link IllegalArgumentException} the API answers it with a 400. Nothing is saved when it is thrown.
 */
public class DiscussionInputException extends IllegalArgumentException {

	private final Map<String, String> fieldErrors;

	public DiscussionInputException(Map<String, String> fieldErrors) {
		super(fieldErrors.values().stream().collect(Collectors.joining("; ")));
		this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
	}

	static DiscussionInputException of(String field, String message) {
		return new DiscussionInputException(Map.of(field, message));
	}

	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}
}
