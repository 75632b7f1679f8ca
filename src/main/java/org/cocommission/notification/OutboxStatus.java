package org.cocommission.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a queued e-mail is: waiting (first try or a retry), sent once, or given up after too many failures. */
public enum OutboxStatus {

	PENDING, SENT, FAILED;

	/** The status named (in any case), null for none, or a clear 400 for anything else. */
	public static OutboxStatus parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The status must be one of "
					+ Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ", not '" + value
					+ "'");
		}
	}
}
