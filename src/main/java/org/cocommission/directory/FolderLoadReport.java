package org.cocommission.directory;

import java.util.List;

/**
 * What loading a folder of published files did, one entry per file in the order they were loaded (files not
 * recognised or not loadable last). {@code complete} when every recognised file was stored.
 */
public record FolderLoadReport(List<FileLoaded> files) {

	public boolean complete() {
		return files.stream().noneMatch(file -> file.outcome() == Outcome.REJECTED || file.outcome() == Outcome.FAILED);
	}

	public long count(Outcome outcome) {
		return files.stream().filter(file -> file.outcome() == outcome).count();
	}

	/** One file: what it was taken for ({@code kind} and {@code label} in words), what happened, and the details. */
	public record FileLoaded(String fileName, String kind, String label, Outcome outcome, String summary,
			ImportReport report) {
	}

	public enum Outcome {

		/** Stored (warnings, if any, in the report). */
		LOADED("Loaded"),
		/** Refused whole: the report lists the rows to fix. */
		REJECTED("Refused"),
		/** Failed for another reason (unreadable, an importer error). */
		FAILED("Failed"),
		/** Recognised, but no module here imports it from a folder: import it on its own page. */
		NOT_LOADED("Not loaded"),
		/** Not a file CoCommission recognises by its name and first line. */
		UNRECOGNISED("Not recognised");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
