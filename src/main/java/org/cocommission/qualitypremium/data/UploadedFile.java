package org.cocommission.qualitypremium.data;

import java.time.Instant;

/** One CSV upload of a year's achievement data: who loaded it, when, and whether it was stored or rejected. */
public record UploadedFile(long id, String fileName, String importedBy, Instant importedAt, boolean stored,
		int rowsRead, int errors) {
}
