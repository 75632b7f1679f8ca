package org.cocommission.directory;

import java.util.Arrays;

/**
 * The ODS files the directory reads, all in the ODS headerless 27-column layout. Regions and area teams have no
 * single national file of their own, so they are read in the same layout with the parent in column 3.
 */
public enum OdsFile {

	/** {@code epraccur.csv}: GP practices and other prescribing settings, parent = commissioner (column 15). */
	EPRACCUR("epraccur", OrganisationType.GP_PRACTICE),
	/** {@code eccg.csv}: CCGs, parent = area team (column 4, high level health geography). */
	ECCG("eccg", OrganisationType.CCG),
	/** {@code ecsu.csv}: commissioning support units, parent NHS England. */
	ECSU("ecsu", OrganisationType.CSU),
	/** Area teams, parent = region (column 3, national grouping). */
	AREA_TEAMS("area-teams", OrganisationType.AREA_TEAM),
	/** NHS England regions, parent NHS England. */
	REGIONS("regions", OrganisationType.REGION);

	private final String slug;

	private final OrganisationType type;

	OdsFile(String slug, OrganisationType type) {
		this.slug = slug;
		this.type = type;
	}

	public String slug() {
		return slug;
	}

	public OrganisationType type() {
		return type;
	}

	public static OdsFile fromSlug(String slug) {
		return Arrays.stream(values())
			.filter(file -> file.slug.equals(slug))
			.findFirst()
			.orElseThrow(() -> new java.util.NoSuchElementException("No ODS import called " + slug
					+ "; use one of epraccur, eccg, ecsu, area-teams, regions"));
	}
}
