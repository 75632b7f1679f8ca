package org.cocommission.directory.organisations;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.writer.CsvWriter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationStatus;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.PracticeCoverage;

/** The directory's CSV downloads, the same from the pages and the API. */
public final class DirectoryCsv {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private DirectoryCsv() {
	}

	public static ResponseEntity<String> organisations(List<OrganisationSummary> organisations,
			Map<String, List<OrganisationRef>> parents, String fileName) {
		StringWriter out = new StringWriter();
		CsvWriter csv = CsvWriter.builder().build(out);
		csv.writeRecord("code", "name", "type", "practice_type", "postcode", "status", "open_date", "close_date",
				"registered_patients", "parent_codes", "placeholder");
		for (OrganisationSummary organisation : organisations) {
			csv.writeRecord(organisation.code(), text(organisation.name()), organisation.type().name(),
					text(organisation.practiceType()), text(organisation.postcode()),
					OrganisationStatus.label(organisation.status()), value(organisation.openDate()),
					value(organisation.closeDate()), value(organisation.listSize()),
					parents.getOrDefault(organisation.code(), List.of())
						.stream()
						.map(OrganisationRef::code)
						.collect(Collectors.joining(";")),
					String.valueOf(organisation.placeholder()));
		}
		return download(csv, out, fileName);
	}

	public static ResponseEntity<String> coverage(LocalDate date, List<PracticeCoverage> rows) {
		StringWriter out = new StringWriter();
		CsvWriter csv = CsvWriter.builder().build(out);
		csv.writeRecord("date", "practice_code", "practice_name", "postcode", "coverage", "ccg_count", "ccg_codes",
				"registered_patients", "list_extract_date");
		for (PracticeCoverage row : rows) {
			csv.writeRecord(date.toString(), row.code(), text(row.name()), text(row.postcode()), row.coverage(),
					String.valueOf(row.ccgs()), String.join(";", row.ccgCodes()), value(row.patients()), value(row.listExtract()));
		}
		return download(csv, out, "coverage-" + date + ".csv");
	}

	private static ResponseEntity<String> download(CsvWriter csv, StringWriter out, String fileName) {
		try {
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String body = out.toString();
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.body(body);
	}

	private static String value(Object value) {
		return value == null ? "" : value.toString();
	}

	/** Free text that a spreadsheet would otherwise run as a formula is prefixed with a quote. */
	private static String text(String value) {
		if (value == null) {
			return "";
		}
		return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
	}
}
