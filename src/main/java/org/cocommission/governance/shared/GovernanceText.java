package org.cocommission.governance.shared;

/** Small checks on what people type, shared by the registers, committees and meetings. */
public final class GovernanceText {

	private GovernanceText() {
	}

	public static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	public static String blankToNull(String text) {
		return blank(text) ? null : text.trim();
	}

	public static String truncate(String text, int length) {
		return text.length() > length ? text.substring(0, length) : text;
	}
}
