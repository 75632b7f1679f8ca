package org.cocommission.directory;

/** ODS status codes (column 13 of epraccur). */
public final class OrganisationStatus {

	private OrganisationStatus() {
	}

	public static String label(String status) {
		if (status == null) {
			return "Active";
		}
		return switch (status) {
			case "A" -> "Active";
			case "C" -> "Closed";
			case "D" -> "Dormant";
			case "P" -> "Proposed";
			default -> status;
		};
	}

	public static boolean isKnown(String status) {
		return "A".equals(status) || "C".equals(status) || "D".equals(status) || "P".equals(status);
	}
}
