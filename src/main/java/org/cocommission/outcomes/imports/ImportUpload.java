package org.cocommission.outcomes.imports;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cocommission.outcomes.ImportFormat;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.UploadCharset;

import org.springframework.web.multipart.MultipartFile;

/**
 * The upload form: what kind of file it is (a format's slug), the QOF year for the QOF prevalence file (whose rows carry
 * none; bound as a {@link Period} by {@link PeriodConverter}, so text that is no period is refused on its field by
 * Spring), the CSV file and its character set (UTF-8 when none is chosen).
 */
record ImportUpload(String format, Period period, MultipartFile file, UploadCharset charset) {

	/** The format chosen; refuses, naming each field, a form that cannot be imported. */
	ImportFormat check() {
		Map<String, String> errors = new LinkedHashMap<>();
		ImportFormat chosen = formatOrNull();
		if (chosen == null) {
			errors.put("format", "Choose what kind of file this is");
		}
		if (chosen == ImportFormat.QOF_PREVALENCE && (period == null || period.kind() != Period.Kind.YEAR)) {
			errors.put("period", "Enter the QOF year of the file, such as 2019/20");
		}
		if (file == null || file.isEmpty()) {
			errors.put("file", "Choose a CSV file to upload");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return chosen;
	}

	private ImportFormat formatOrNull() {
		try {
			return format == null ? null : ImportFormat.fromSlug(format);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
