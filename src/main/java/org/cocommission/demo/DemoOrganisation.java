package org.cocommission.demo;

import org.cocommission.directory.OrganisationType;

/**
 * An organisation of the demo dataset as generated: its parent ({@code X24} NHS England for regions and CSUs, the
 * region for an area team, the area team for a CCG, the CCG for a practice), its ODS status and prescribing setting,
 * and for an open GP practice its list at the latest extract.
 */
public record DemoOrganisation(String code, String name, OrganisationType type, String parentCode, String status,
		Integer prescribingSetting, Integer patients) {

	/** An open GP practice (prescribing setting 4, status A): what the directory counts as a practice. */
	public boolean isOpenGpPractice() {
		return type == OrganisationType.GP_PRACTICE && prescribingSetting == 4 && "A".equals(status);
	}
}
