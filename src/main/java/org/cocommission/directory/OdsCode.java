package org.cocommission.directory;

import java.util.regex.Pattern;

/** An Organisation Data Service code: upper-case letters and digits, 3 to 8 of them (e.g. {@code 00K}, {@code A81001}). */
public record OdsCode(String value) {

	private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{3,8}");

	public OdsCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("'" + value + "' is not an ODS code (3 to 8 upper-case letters or digits)");
		}
	}

	public static boolean isValid(String value) {
		return value != null && FORMAT.matcher(value).matches();
	}

	@Override
	public String toString() {
		return value;
	}
}
