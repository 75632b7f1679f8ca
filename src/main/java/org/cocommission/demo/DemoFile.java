package org.cocommission.demo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.cocommission.directory.DirectoryChanged;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;

/**
 * One generated file, byte for byte as the NHS publishes it (an ODS organisation, membership or successor file, or NHS
 * Digital's registered patients CSV). The array is shared, not copied: do not change it.
 */
public record DemoFile(Kind kind, String fileName, byte[] content) {

	public InputStream open() {
		return new ByteArrayInputStream(content);
	}

	/** Which importer reads the file. */
	public enum Kind {

		REGIONS(OdsFile.REGIONS), AREA_TEAMS(OdsFile.AREA_TEAMS), ECSU(OdsFile.ECSU), ECCG(OdsFile.ECCG),
		EPRACCUR(OdsFile.EPRACCUR),
		/** ODS's {@code epcmem.csv}, practices' commissioners over time. */
		MEMBERSHIPS(null, DirectoryImports.MEMBERSHIPS),
		/** ODS's {@code succ.csv}, which code succeeded which. */
		SUCCESSIONS(null, DirectoryImports.SUCCESSIONS),
		/** "Patients registered at a GP practice": not an ODS file. */
		REGISTERED_PATIENTS(null, DirectoryChanged.REGISTERED_PATIENTS);

		private final OdsFile odsFile;

		private final String importKind;

		Kind(OdsFile odsFile) {
			this(odsFile, odsFile.slug());
		}

		Kind(OdsFile odsFile, String importKind) {
			this.odsFile = odsFile;
			this.importKind = importKind;
		}

		/** The ODS organisation file this is, or null for the others. */
		public OdsFile odsFile() {
			return odsFile;
		}

		/** The directory's import kind that reads it ({@link DirectoryImports#importFile}). */
		public String importKind() {
			return importKind;
		}
	}
}
