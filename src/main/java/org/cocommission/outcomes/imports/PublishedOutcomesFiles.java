package org.cocommission.outcomes.imports;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cocommission.directory.PublishedFileImporter;
import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.ObservationImportRejectedException;
import org.cocommission.outcomes.ObservationImportReport;
import org.cocommission.outcomes.ObservationImports;

import org.springframework.stereotype.Component;

/**
 * The outcomes files of a folder given to {@code load DIR} (or the directory's folder upload): QOF prevalence,
 * Fingertips exports, age bands and the long CSV, recognised by their header, loaded after the directory's files. A
 * QOF file's year comes from its name, as NHS Digital names them ({@code PREVALENCE_1920.csv},
 * {@code qof-2019-20.csv}); docs/domain-rules.md#outcomes, "Outcomes files in the load command".
 */
@Component
class PublishedOutcomesFiles implements PublishedFileImporter {

	/** 2019-20, 2019_20, 2019/20 or 201920 in a name. */
	private static final Pattern LONG_YEAR = Pattern.compile("(?<!\\d)(20\\d{2})[-_/ ]?(\\d{2})(?!\\d)");

	/** 1920 in a name: two two-digit years, the second following the first. */
	private static final Pattern SHORT_YEAR = Pattern.compile("(?<!\\d)(\\d{2})(\\d{2})(?!\\d)");

	private final ObservationImports imports;

	PublishedOutcomesFiles(ObservationImports imports) {
		this.imports = imports;
	}

	@Override
	public Optional<String> recognise(String fileName, String firstLine) {
		List<String> names = Arrays.stream(firstLine.split(",", -1))
			.map(name -> name.replace("\"", "").trim().toUpperCase(Locale.ROOT))
			.toList();
		ImportFormat format = null;
		if (qof(names)) {
			format = ImportFormat.QOF_PREVALENCE;
		}
		else if (names.containsAll(List.of("INDICATOR ID", "AREA CODE", "AREA TYPE", "TIME PERIOD", "VALUE"))) {
			format = ImportFormat.FINGERTIPS;
		}
		else if (names.containsAll(ObservationFileReader.AGE_BAND_HEADER)) {
			format = ImportFormat.AGE_BANDS;
		}
		else if (names.size() >= ObservationFileReader.LONG_HEADER.size()
				&& names.subList(0, ObservationFileReader.LONG_HEADER.size()).equals(ObservationFileReader.LONG_HEADER)) {
			format = ImportFormat.LONG;
		}
		return Optional.ofNullable(format).map(ImportFormat::slug);
	}

	private static boolean qof(List<String> names) {
		return ObservationFileReader.QOF_COLUMNS.entrySet()
			.stream()
			.filter(column -> !column.getKey().equals("PATIENT_LIST_SIZE"))
			.allMatch(column -> column.getValue().stream().anyMatch(names::contains));
	}

	@Override
	public String label(String kind) {
		return ImportFormat.fromSlug(kind).label();
	}

	/** Context (Fingertips: deprivation for peer groups) first, then observations, then standardised rates' bands. */
	@Override
	public int order(String kind) {
		return switch (ImportFormat.fromSlug(kind)) {
			case FINGERTIPS -> 100;
			case QOF_PREVALENCE -> 110;
			case LONG -> 120;
			case AGE_BANDS -> 130;
		};
	}

	@Override
	public String load(String kind, String fileName, InputStream content) {
		ImportFormat format = ImportFormat.fromSlug(kind);
		String period = null;
		if (format == ImportFormat.QOF_PREVALENCE) {
			period = qofYear(fileName).orElseThrow(() -> new Refused("the QOF year is not in the file's name:"
					+ " name it as NHS Digital does, such as PREVALENCE_1920.csv, or import it on /outcomes/imports"));
		}
		try {
			ObservationImportReport report = imports.importFile(format, period, fileName, content);
			return "%,d rows read, %,d stored%s, %,d warning(s)".formatted(report.rowsRead(), report.stored(),
					period == null ? "" : " for " + period, report.warnings().size());
		}
		catch (ObservationImportRejectedException ex) {
			List<String> first = ex.report().errors().stream().limit(3).map(error -> "row " + error.row() + ": "
					+ error.message()).toList();
			throw new Refused("%,d row(s) to fix, nothing stored (%s)".formatted(ex.report().errors().size(),
					String.join("; ", first)));
		}
	}

	/** The financial year a QOF file's name gives, such as 2019/20 for {@code PREVALENCE_1920.csv}. */
	static Optional<String> qofYear(String fileName) {
		if (fileName == null) {
			return Optional.empty();
		}
		Matcher matcher = LONG_YEAR.matcher(fileName);
		while (matcher.find()) {
			int first = Integer.parseInt(matcher.group(1));
			if ((first + 1) % 100 == Integer.parseInt(matcher.group(2))) {
				return Optional.of(first + "/" + matcher.group(2));
			}
		}
		matcher = SHORT_YEAR.matcher(fileName);
		while (matcher.find()) {
			int first = Integer.parseInt(matcher.group(1));
			if ((first + 1) % 100 == Integer.parseInt(matcher.group(2))) {
				return Optional.of("20" + matcher.group(1) + "/" + matcher.group(2));
			}
		}
		return Optional.empty();
	}
}
