package org.cocommission.demo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.cocommission.directory.OdsFile;

/**
 * One generated file, byte for byte as the NHS publishes it (an ODS organisation file or NHS Digital's registered
 * patients CSV). The array is shared, not copied: do not change it.
 */
public record DemoFile(Kind kind, String fileName, byte[] content) {

	public InputStream open() {
		return new ByteArrayInputStream(content);
	}

	/** Which importer reads the file. */
	public enum Kind {

		REGIONS(OdsFile.REGIONS), AREA_TEAMS(OdsFile.AREA_TEAMS), ECSU(OdsFile.ECSU), ECCG(OdsFile.ECCG),
		EPRACCUR(OdsFile.EPRACCUR),
		/** "Patients registered at a GP practice": not an ODS file. */
		REGISTERED_PATIENTS(null);

		private final OdsFile odsFile;

		Kind(OdsFile odsFile) {
			this.odsFile = odsFile;
		}

		/** The ODS file this is, or null for registered patients. */
		public OdsFile odsFile() {
			return odsFile;
		}
	}
}
