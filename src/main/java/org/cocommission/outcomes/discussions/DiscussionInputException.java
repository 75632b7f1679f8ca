package org.cocommission.outcomes.discussions;

import java.util.Map;

import org.cocommission.platform.InvalidInputException;

/**
 * Discussion input that cannot be accepted, with one message per form field: a page puts each on its field
 * ({@link #rejectIn}), the discussion API answers 400 with the messages by field. Nothing is saved when it is thrown.
 */
public class DiscussionInputException extends InvalidInputException {

	public DiscussionInputException(Map<String, String> fieldErrors) {
		super(fieldErrors);
	}

	static DiscussionInputException of(String field, String message) {
		return new DiscussionInputException(Map.of(field, message));
	}
}
