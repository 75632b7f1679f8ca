package org.cocommission.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.validation.BindingResult;

/**
 * Input a rule refuses, with each problem on the field it is about, named as the form and the JSON body name it. The
 * one way a service says "not this input": a page shows each message beside its field ({@link #rejectIn}), and the
 * API answers 400 with the fields listed. As an {@link IllegalArgumentException}, callers that only need to know
 * "refused" keep working.
 */
public class InvalidInputException extends IllegalArgumentException {

	private final Map<String, String> fieldErrors;

	public InvalidInputException(String field, String message) {
		this(Map.of(field, message));
	}

	/** Field name to message, in the order of the form. */
	public InvalidInputException(Map<String, String> fieldErrors) {
		super(fieldErrors.values().stream().collect(Collectors.joining("; ")));
		if (fieldErrors.isEmpty()) {
			throw new IllegalArgumentException("An invalid input names at least one problem");
		}
		this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
	}

	/** Field name to message, e.g. {@code offeredOn -> Enter the date the gift was offered}. */
	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}

	/** The first field named, which a page moves the focus to. */
	public String field() {
		return fieldErrors.keySet().iterator().next();
	}

	/**
	 * Puts each problem on its field of the bound form, or on the form as a whole where the form has no such field, so
	 * that the page shows it in the error summary either way.
	 */
	public void rejectIn(BindingResult result) {
		fieldErrors.forEach((field, message) -> {
			if (isFieldOf(result, field)) {
				result.rejectValue(field, "invalid", message);
			}
			else {
				result.reject("invalid", message);
			}
		});
	}

	private static boolean isFieldOf(BindingResult result, String field) {
		Object target = result.getTarget();
		if (target == null) {
			return false;
		}
		if (target.getClass().isRecord()) {
			for (var component : target.getClass().getRecordComponents()) {
				if (component.getName().equals(field)) {
					return true;
				}
			}
			return false;
		}
		try {
			return result.getFieldType(field) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}
}
