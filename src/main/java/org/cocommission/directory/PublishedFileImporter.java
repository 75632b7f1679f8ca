package org.cocommission.directory;

import java.io.InputStream;
import java.util.Optional;

/**
 * A module that imports published files the directory does not read (QOF prevalence, Fingertips exports), so that
 * {@code load DIR} and the imports page's folder upload load them too, after the directory's own files. Declared
 * here, implemented by the module that owns the import (the consumer-declared interface of docs/architecture.md).
 */
public interface PublishedFileImporter {

	/**
	 * The import kind of this file (e.g. {@code qof-prevalence}), or empty when it is not one of this module's.
	 *
	 * @param fileName the file's name as published, e.g. {@code PREVALENCE_1920.csv}
	 * @param firstLine its first line, byte-order mark removed
	 */
	Optional<String> recognise(String fileName, String firstLine);

	/** What the file is, in words, for the load report (e.g. "QOF prevalence (NHS Digital)"). */
	default String label(String kind) {
		return kind;
	}

	/** Where it loads among the others: the directory's files take 10 to 80, so use 100 and above. */
	int order(String kind);

	/**
	 * Imports the file; throws {@link Refused} when it is refused (nothing stored), anything else when it failed. The
	 * answer is one line for the load report, such as "141,120 rows stored, 6 warnings".
	 */
	String load(String kind, String fileName, InputStream content);

	/** A file refused whole, nothing stored: {@code summary} is one line for the load report. */
	class Refused extends RuntimeException {

		public Refused(String summary) {
			super(summary);
		}
	}
}
