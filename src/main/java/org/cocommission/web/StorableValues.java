package org.cocommission.web;

import java.sql.SQLException;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Values PostgreSQL refuses as data (SQLSTATE class 22), said in words for the API and the pages alike. Any other
 * integrity violation (a broken constraint) is the application's to explain and stays an error.
 */
final class StorableValues {

	private StorableValues() {
	}

	static Optional<String> refusal(DataIntegrityViolationException ex) {
		String state = sqlState(ex);
		if (state == null || !state.startsWith("22")) {
			return Optional.empty();
		}
		return Optional.of(switch (state) {
			case "22003" -> "A number is too large to store";
			case "22001" -> "A text is longer than can be stored";
			case "22021", "22P05" -> "A text contains a character that cannot be stored, such as a NUL";
			case "22007", "22008" -> "A date or time is not one that exists";
			default -> "A value cannot be stored as given";
		});
	}

	private static String sqlState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}
}
