package org.cocommission.directory;

import java.util.Map;

/** ODS prescribing setting codes (column 26 of epraccur): only 4 is a GP practice; the rest are kept but not counted. */
public final class PrescribingSetting {

	static final int GP_PRACTICE = 4;

	private static final Map<Integer, String> LABELS = Map.ofEntries(Map.entry(0, "Other"),
			Map.entry(1, "Walk-in centre"), Map.entry(2, "Out of hours"), Map.entry(3, "Walk-in centre and out of hours"),
			Map.entry(4, "GP practice"), Map.entry(8, "Public health service"), Map.entry(9, "Community health service"),
			Map.entry(10, "Hospital service"), Map.entry(11, "Optometry service"),
			Map.entry(12, "Urgent and emergency care"), Map.entry(13, "Hospice"), Map.entry(14, "Care home or nursing home"),
			Map.entry(15, "Border force"), Map.entry(16, "Young offender institution"), Map.entry(17, "Secure training centre"),
			Map.entry(18, "Secure children's home"), Map.entry(19, "Immigration removal centre"), Map.entry(20, "Court"),
			Map.entry(21, "Police custody"), Map.entry(22, "Sexual assault referral centre"),
			Map.entry(24, "Other justice estate"), Map.entry(25, "Prison"));

	private PrescribingSetting() {
	}

	public static String label(Integer setting) {
		if (setting == null) {
			return "Unknown setting";
		}
		return LABELS.getOrDefault(setting, "Prescribing setting " + setting);
	}
}
