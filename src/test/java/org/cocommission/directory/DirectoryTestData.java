package org.cocommission.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds ODS and registered-patient files in their published layouts for tests, and empties the directory. */
public final class DirectoryTestData {

	private DirectoryTestData() {
	}

	static String sample(String name) {
		try {
			return new ClassPathResource("samples/" + name).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A sample file's exact bytes (byte-order mark and CRLF line ends as published). */
	public static InputStream sampleBytes(String name) {
		try {
			return new ClassPathResource("samples/" + name).getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A row in the ODS 27-column layout; {@code values} fill columns 1 onwards, the rest are empty. */
	static String odsRow(String... values) {
		List<String> columns = new ArrayList<>(Collections.nCopies(27, ""));
		for (int index = 0; index < values.length; index++) {
			columns.set(index, values[index]);
		}
		return "\"" + String.join("\",\"", columns) + "\"\n";
	}

	static String region(String code, String name) {
		return odsRow(code, name, "", "", "", "", "", "", "", "", "20130401");
	}

	static String areaTeam(String code, String name, String region) {
		return odsRow(code, name, region, "", "", "", "", "", "", "", "20130401");
	}

	static String ccg(String code, String name, String region, String areaTeam) {
		return odsRow(code, name, region, areaTeam, "1 HIGH STREET", "", "TOWN", "", "", "TS1 1AA", "20130401");
	}

	/** An epraccur row for an active GP practice (prescribing setting 4) in {@code ccg} since {@code joined}. */
	static String practice(String code, String name, String ccg, String joined) {
		return practice(code, name, ccg, joined, "", "A", "", "4");
	}

	static String practice(String code, String name, String ccg, String joined, String left, String status,
			String closeDate, String setting) {
		return odsRow(code, name, "Y63", "Q74", "THE HEALTH CENTRE", "HIGH STREET", "TOWN", "", "", "TS1 2AB", "19740401",
				closeDate, status, "B", ccg, joined, left, "01642 000000", "", "", "", "0", "", ccg, "", setting, "");
	}

	public static final String PATIENTS_HEADER = "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n";

	public static String patients(String extract, String ccg, String practice, String sex, String age, int count) {
		return "GP_PRAC_PAT_LIST," + extract + ",GP," + ccg + ",E38000001," + practice + ",TS1 2AB," + sex + "," + age + ","
				+ count + "\n";
	}

	public static void emptyDirectory(JdbcClient jdbc) {
		jdbc.sql("delete from directory_registered_patients").update();
		jdbc.sql("delete from directory_organisation_revision").update();
		jdbc.sql("delete from directory_relationship").update();
		jdbc.sql("delete from directory_organisation_type_period").update();
		jdbc.sql("delete from directory_succession").update();
		jdbc.sql("delete from directory_organisation where code <> 'X24'").update();
		jdbc.sql("delete from directory_import").update();
	}
}
