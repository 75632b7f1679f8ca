package org.cocommission.governance;

/** Small checks on what people type, shared by the registers, committees and meetings. */
final class GovernanceText {

	private GovernanceText() {
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	static String blankToNull(String text) {
		return blank(text) ? null : text.trim();
	}

	static String truncate(String text, int length) {
		return text.length() > length ? text.substring(0, length) : text;
	}
}
