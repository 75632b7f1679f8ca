package org.cocommission.directory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Reads the query parameters the directory's pages and API share. Bad values become an {@link IllegalArgumentException}
 * with a message a person can act on, which the error handlers turn into a 400.
 */
final class DirectoryParams {

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int MAX_PAGE_SIZE = 500;

	private DirectoryParams() {
	}

	/** A date as {@code YYYY-MM-DD}, or {@code otherwise} when none is given. */
	static LocalDate date(String value, LocalDate otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"'" + value + "' is not a date. Enter a real date as YYYY-MM-DD, for example 2015-04-01.");
		}
	}

	/** An organisation type by its name ({@code CCG}, {@code gp-practice}), or null for every type. */
	static OrganisationType type(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		return Arrays.stream(OrganisationType.values())
			.filter(type -> type.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not an organisation type. Use one of "
					+ Arrays.stream(OrganisationType.values()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
	}

	static int page(String value) {
		int page = integer("page", value, 0);
		if (page < 0) {
			throw new IllegalArgumentException("The page number must be 0 or more, not " + page + ".");
		}
		return page;
	}

	static int size(String value) {
		int size = integer("size", value, DEFAULT_PAGE_SIZE);
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException(
					"The page size must be between 1 and " + MAX_PAGE_SIZE + ", not " + size + ".");
		}
		return size;
	}

	static int limit(String value, int otherwise, int max) {
		int limit = integer("limit", value, otherwise);
		if (limit < 1 || limit > max) {
			throw new IllegalArgumentException("The limit must be between 1 and " + max + ", not " + limit + ".");
		}
		return limit;
	}

	/** {@code desc} sorts descending; anything else, or nothing, ascending. */
	static boolean descending(String value) {
		return "desc".equalsIgnoreCase(value == null ? null : value.trim());
	}

	/** ODS codes are upper case; people type them in any case. */
	static String code(String value) {
		return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static int integer(String name, String value, int otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("The " + name + " must be a whole number, not '" + value + "'.");
		}
	}

	/** {@code path} with the non-blank parameters as an encoded query string. */
	static String link(String path, Map<String, ?> params) {
		StringJoiner query = new StringJoiner("&");
		params.forEach((name, value) -> {
			if (value != null && !value.toString().isBlank()) {
				query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
			}
		});
		return query.length() == 0 ? path : path + "?" + query;
	}
}
