package org.cocommission.directory.organisations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Codes and links as the directory's pages and API write them. The query parameters themselves are bound records. */
public final class DirectoryParams {

	private DirectoryParams() {
	}

	/** ODS codes are upper case; people type them in any case. */
	public static String code(String value) {
		return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
	}

	/** {@code path} with the non-blank parameters as an encoded query string. */
	public static String link(String path, Map<String, ?> params) {
		StringJoiner query = new StringJoiner("&");
		params.forEach((name, value) -> {
			if (value != null && !value.toString().isBlank()) {
				query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
			}
		});
		return query.length() == 0 ? path : path + "?" + query;
	}
}
