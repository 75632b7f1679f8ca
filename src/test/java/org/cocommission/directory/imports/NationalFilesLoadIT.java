package org.cocommission.directory.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cocommission.directory.Coverage;
import org.cocommission.directory.Directory;
import org.cocommission.identity.ActingAs;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.Structure;
import org.cocommission.outcomes.ValueRow;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's "Done when", as far as a machine without the real files can go: a folder of files generated in the
 * exact published layouts of ODS and NHS Digital (eccg.csv with close dates, the ICB column and roles; epraccur.csv;
 * epcmem.csv; succ.csv; the CCG-to-ICB lookup; registered patients; QOF prevalence 2018/19 and 2019/20, the latter
 * with rows whose register exceeds the list) and of national shape: 211 CCGs on 1 April 2013, twenty pairs merged
 * one April each from 2015 to 2019 (191 on 1 April 2019), and a three-way merger on 1 April 2020. It goes through
 * the {@code load DIR} command and checks what a new user would: coverage, the QOF file stored whole, every CCG's
 * prevalence the sum of its practices', and the 2020 merger's continuous series.
 */
@SpringBootTest(properties = "cocommission.test.context=national-files")
class NationalFilesLoadIT {

	private static final String LETTERS = "ACDEFGHJKLMNPQRTVWXY";

	private static final String CRLF = "\r\n";

	private static final int CCGS_2013 = 211;

	private static final int PRACTICES_PER_CCG = 4;

	private static final LocalDate ESTABLISHED = LocalDate.of(2013, 4, 1);

	private static final LocalDate MERGED_2020 = LocalDate.of(2020, 4, 1);

	/** The 2020 merger's new code, and the three it took over. */
	private static final String THREE_WAY = "21A";

	@Autowired
	LoadCommand command;

	@Autowired
	Directory directory;

	@Autowired
	OutcomesValues values;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	/** A CCG of the generated country: its code, its successor and the day it took over (null when it never merged). */
	private record Ccg(String code, String name, LocalDate opened, LocalDate closed, String successor, String icb) {
	}

	private record Practice(String code, String ccg2013, int list) {
	}

	private final List<Ccg> ccgs = new ArrayList<>();

	private final List<Practice> practices = new ArrayList<>();

	@Test
	void oneCommandLoadsTheNationalFilesAndTheNumbersComeOutRight() throws IOException {
		generate();
		int qofRows = writeFiles();

		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PrintStream original = System.out;
		System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
		try {
			command.run(new DefaultApplicationArguments("load", folder.toString()));
		}
		finally {
			System.setOut(original);
		}
		String output = printed.toString(StandardCharsets.UTF_8);
		original.println(output);
		assertThat(command.getExitCode()).as(output).isZero();

		// Coverage: every practice in one CCG, 211 CCGs in 2013 and 191 after the mergers up to April 2019.
		Coverage in2013 = directory.coverage(ESTABLISHED);
		assertThat(in2013.ccgs()).isEqualTo(CCGS_2013);
		assertThat(in2013.practicesWithoutCcg()).isEmpty();
		assertThat(in2013.practicesInSeveralCcgs()).isEmpty();
		assertThat(in2013.populationCoveredPercent()).isEqualByComparingTo(new BigDecimal("100.00"));
		Coverage in2019 = directory.coverage(LocalDate.of(2019, 4, 1));
		assertThat(in2019.ccgs()).isEqualTo(191);
		assertThat(in2019.practicesWithoutCcg()).isEmpty();
		assertThat(in2019.practicesInSeveralCcgs()).isEmpty();
		assertThat(in2019.populationCoveredPercent()).isEqualByComparingTo(new BigDecimal("100.00"));

		// The QOF file imports whole: its rows over 100% are warnings, and every row is stored.
		assertThat(output).containsPattern("PREVALENCE_1920\\.csv.*" + String.format("%,d", qofRows)
				+ " rows read, " + String.format("%,d", qofRows) + " stored for 2019/20, [1-9][0-9]* warning\\(s\\)");
		long stored = ActingAs.system(() -> List.of("QOF-AF", "QOF-DM", "QOF-HYP", "QOF-LD")
			.stream()
			.mapToLong(id -> jdbc.sql("select count(*) from outcomes_observation where indicator_id = ? and period = ?")
				.params(id, "2019/20")
				.query(Long.class)
				.single())
			.sum());
		assertThat(stored).isEqualTo(qofRows);

		// Every CCG's diabetes prevalence is the sum of its practices' registers over the sum of their lists, each
		// practice counted in the CCG it belonged to on 31 March 2020 (the QOF reference date).
		Map<String, long[]> expected = new HashMap<>();
		for (Practice practice : practices) {
			expected.computeIfAbsent(ccgOn(practice, LocalDate.of(2020, 3, 31)), key -> new long[2]);
			long[] sums = expected.get(ccgOn(practice, LocalDate.of(2020, 3, 31)));
			sums[0] += register(practice, "DM", 1920);
			sums[1] += dmList(practice);
		}
		List<ValueRow> asWas = ActingAs.system(
				() -> values.values("QOF-DM", OutcomesLevel.CCG, "2019/20", null, Structure.AS_WAS));
		assertThat(asWas).hasSize(expected.size());
		for (ValueRow row : asWas) {
			assertThat(new long[] { (long) row.numerator(), (long) row.denominator() }).as(row.orgCode())
				.containsExactly(expected.get(row.orgCode()));
		}
		double england = ActingAs.system(() -> values.values("QOF-DM", OutcomesLevel.ENGLAND, "2019/20", null))
			.get(0)
			.numerator();
		assertThat(asWas.stream().mapToDouble(ValueRow::numerator).sum()).isEqualTo(england);

		// The CCG formed in 2020: one continuous series, re-mapped onto today's organisations, from its practices.
		List<String> predecessors = ccgs.stream().filter(ccg -> THREE_WAY.equals(ccg.successor())).map(Ccg::code).toList();
		assertThat(predecessors).hasSize(3);
		Structure today = new Structure(LocalDate.now());
		for (String period : List.of("2018/19", "2019/20")) {
			int year = period.equals("2018/19") ? 1819 : 1920;
			long register = practices.stream()
				.filter(practice -> predecessors.contains(practice.ccg2013()))
				.mapToLong(practice -> register(practice, "DM", year))
				.sum();
			ValueRow merged = ActingAs.system(() -> values.values("QOF-DM", OutcomesLevel.CCG, period, null, today))
				.stream()
				.filter(row -> row.orgCode().equals(THREE_WAY))
				.findFirst()
				.orElseThrow();
			assertThat(merged.numerator()).as(period).isEqualTo(register);
		}
		assertThat(asWas).extracting(ValueRow::orgCode).doesNotContain(THREE_WAY).containsAll(predecessors);
	}

	// --- the generated country -----------------------------------------------------------------------------------

	private void generate() {
		for (int index = 0; index < CCGS_2013; index++) {
			ccgs.add(new Ccg(code(index / 20, index % 20), "NHS GENERATED CCG " + (index + 1), ESTABLISHED, null, null,
					null));
		}
		// Twenty pairs merged, four each April from 2015 to 2019: 211 CCGs become 191.
		for (int pair = 0; pair < 20; pair++) {
			LocalDate on = LocalDate.of(2015 + pair / 4, 4, 1);
			String code = code(20, pair);
			merge(List.of(2 * pair, 2 * pair + 1), code, "NHS MERGED CCG " + (pair + 1), on);
		}
		merge(List.of(40, 41, 42), THREE_WAY, "NHS THREE WAY CCG", MERGED_2020);
		int number = 0;
		for (int index = 0; index < CCGS_2013; index++) {
			for (int p = 0; p < PRACTICES_PER_CCG; p++) {
				number++;
				practices.add(new Practice("H%05d".formatted(number), ccgs.get(index).code(), 2_000 + (number * 37) % 9_000));
			}
		}
	}

	private void merge(List<Integer> indices, String code, String name, LocalDate on) {
		for (int index : indices) {
			Ccg old = ccgs.get(index);
			ccgs.set(index, new Ccg(old.code(), old.name(), old.opened(), on.minusDays(1), code, null));
		}
		ccgs.add(new Ccg(code, name, on, null, null, null));
	}

	private static String code(int number, int letter) {
		return "%02d%c".formatted(number, LETTERS.charAt(letter));
	}

	private Ccg ccg(String code) {
		return ccgs.stream().filter(ccg -> ccg.code().equals(code)).findFirst().orElseThrow();
	}

	/** The CCG a practice was in on a day: its 2013 CCG, then that CCG's successors as they took over. */
	private String ccgOn(Practice practice, LocalDate day) {
		Ccg ccg = ccg(practice.ccg2013());
		while (ccg.successor() != null && ccg.closed().isBefore(day)) {
			ccg = ccg(ccg.successor());
		}
		return ccg.code();
	}

	private static String icb(int index) {
		return "Q" + LETTERS.charAt(index / 20 % 20) + LETTERS.charAt(index % 20);
	}

	/** Today's ICB of a CCG's area: the CCGs still open, and so the closed ones they stand for, in 42 ICBs. */
	private String icbOf(String code) {
		Ccg ccg = ccg(code);
		while (ccg.successor() != null) {
			ccg = ccg(ccg.successor());
		}
		List<Ccg> open = ccgs.stream().filter(candidate -> candidate.closed() == null).toList();
		return icb(open.indexOf(ccg) % 42);
	}

	private static int register(Practice practice, String group, int year) {
		int base = switch (group) {
			case "AF" -> practice.list() / 50;
			case "DM" -> practice.list() * 7 / 100;
			case "HYP" -> practice.list() * 14 / 100;
			default -> practice.list() / 200;
		};
		return base + (year == 1920 ? practice.list() % 7 : 0);
	}

	private static int dmList(Practice practice) {
		return practice.list() * 79 / 100;
	}

	// --- the files, as published ----------------------------------------------------------------------------------

	/** Writes every file; returns the rows of the 2019/20 QOF file. */
	private int writeFiles() throws IOException {
		StringBuilder eccg = new StringBuilder();
		StringBuilder succ = new StringBuilder();
		StringBuilder lookup = new StringBuilder("\uFEFFCCG Code,ICB Code,ICB NAME" + CRLF);
		for (Ccg ccg : ccgs.stream().sorted(java.util.Comparator.comparing(Ccg::code)).toList()) {
			boolean subIcb = ccg.closed() == null;
			String icb = icbOf(ccg.code());
			ods(eccg, ccg.code(), subIcb ? "NHS GENERATED ICB - " + ccg.code() : ccg.name(), "Y6" + (icb.charAt(2) % 7),
					icb, "HEALTH CENTRE", "HIGH STREET", "", "TOWN", "", "TS1 1AA", ods(ccg.opened()), ods(ccg.closed()), "",
					subIcb ? "RO319" : "", "", "", "", "", "", "", "", "1", "", "", "", "", "");
			if (ccg.successor() != null) {
				succ.append(quoted(ccg.code(), ccg.successor(), "", ods(ccg.closed().plusDays(1)), "0")).append(CRLF);
			}
			if (subIcb) {
				lookup.append(ccg.code()).append(',').append(icb).append(",NHS Generated ").append(icb)
					.append(" Integrated Care Board").append(CRLF);
			}
		}
		StringBuilder epraccur = new StringBuilder();
		StringBuilder epcmem = new StringBuilder();
		StringBuilder lists2013 = new StringBuilder(PATIENTS_HEADER);
		StringBuilder lists2019 = new StringBuilder(PATIENTS_HEADER);
		for (Practice practice : practices) {
			String today = ccgOn(practice, LocalDate.now());
			LocalDate joined = ESTABLISHED;
			for (Ccg ccg = ccg(practice.ccg2013()); ccg.successor() != null; ccg = ccg(ccg.successor())) {
				joined = ccg.closed().plusDays(1);
			}
			String icb = icbOf(today);
			ods(epraccur, practice.code(), "GENERATED SURGERY " + practice.code(), "Y63", icb, "THE HEALTH CENTRE",
					"HIGH STREET", "TOWN", "", "", "TS1 2AB", "19740401", "", "A", "B", today, ods(joined), "",
					"01642 000000", "", "", "", "0", "", today, "", "4", "");
			// The primary care trust before 2013, as ODS publishes it (not stored), then each CCG in turn.
			epcmem.append(quoted(practice.code(), "5E1", "W", "20010401", "20130331", "0")).append(CRLF);
			Ccg ccg = ccg(practice.ccg2013());
			LocalDate from = ESTABLISHED;
			while (true) {
				epcmem.append(quoted(practice.code(), ccg.code(), "W", ods(from), ods(ccg.closed()), "0")).append(CRLF);
				if (ccg.successor() == null) {
					break;
				}
				from = ccg.closed().plusDays(1);
				ccg = ccg(ccg.successor());
			}
			lists2013.append(patients("01APR2013", practice.ccg2013(), practice));
			lists2019.append(patients("01APR2019", ccgOn(practice, LocalDate.of(2019, 4, 1)), practice));
		}
		write("eccg.csv", eccg);
		write("epraccur.csv", epraccur);
		write("epcmem.csv", epcmem);
		write("succ.csv", succ);
		write("ccg-icb-lookup.csv", lookup);
		write("gp-reg-pat-prac-all-apr-13.csv", lists2013);
		write("gp-reg-pat-prac-all-apr-19.csv", lists2019);
		qof("PREVALENCE_1819.csv", 1819);
		return qof("PREVALENCE_1920.csv", 1920);
	}

	private static final String PATIENTS_HEADER = "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,"
			+ "NUMBER_OF_PATIENTS" + CRLF;

	private static String patients(String extract, String ccg, Practice practice) {
		return "GP_PRAC_PAT_LIST," + extract + ",GP," + ccg + ",E38000001," + practice.code() + ",TS1 2AB,ALL,ALL,"
				+ practice.list() + CRLF;
	}

	/**
	 * NHS Digital's prevalence file: a header, then a practice's groups with their list types. Six practices serving
	 * special populations have a learning disability register larger than their list in 2019/20, as the real file has.
	 */
	private int qof(String name, int year) throws IOException {
		StringBuilder file = new StringBuilder("PRACTICE_CODE,GROUP_CODE,REGISTER,PATIENT_LIST_TYPE,PATIENT_LIST_SIZE" + CRLF);
		int rows = 0;
		for (int index = 0; index < practices.size(); index++) {
			Practice practice = practices.get(index);
			file.append(practice.code()).append(",AF,").append(register(practice, "AF", year)).append(",TOTAL,")
				.append(practice.list()).append(CRLF);
			file.append(practice.code()).append(",DM,").append(register(practice, "DM", year)).append(",17OV,")
				.append(dmList(practice)).append(CRLF);
			file.append(practice.code()).append(",HYP,").append(register(practice, "HYP", year)).append(",TOTAL,")
				.append(practice.list()).append(CRLF);
			boolean special = year == 1920 && index % 140 == 7;
			file.append(practice.code()).append(",LD,").append(special ? practice.list() + 13 : register(practice, "LD", year))
				.append(",TOTAL,").append(practice.list()).append(CRLF);
			rows += 4;
		}
		write(name, file);
		return rows;
	}

	private void write(String name, CharSequence content) throws IOException {
		Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
	}

	/** An ODS row: every field quoted, 27 columns, CRLF, as eccg.csv and epraccur.csv are published. */
	private static void ods(StringBuilder out, String... fields) {
		assertThat(fields).hasSize(OdsRow.COLUMNS);
		out.append(quoted(fields)).append(CRLF);
	}

	private static String quoted(String... fields) {
		StringBuilder line = new StringBuilder();
		for (int index = 0; index < fields.length; index++) {
			line.append(index == 0 ? "" : ",").append('"').append(fields[index]).append('"');
		}
		return line.toString();
	}

	private static String ods(LocalDate date) {
		return date == null ? "" : date.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
	}

	/** The published layouts these files copy: header lines and the shape of a row, from the samples. */
	@Test
	void generatedLayoutsMatchThePublishedSamples() throws IOException {
		generate();
		writeFiles();
		Map<String, String> samples = new LinkedHashMap<>();
		samples.put("ccg-icb-lookup.csv", "ccg-icb-excerpt.csv");
		samples.put("PREVALENCE_1920.csv", "qof-prevalence-excerpt.csv");
		samples.put("eccg.csv", "eccg-excerpt.csv");
		samples.put("epraccur.csv", "epraccur-excerpt.csv");
		samples.put("epcmem.csv", "epcmem-excerpt.csv");
		samples.put("succ.csv", "succ-excerpt.csv");
		for (var pair : samples.entrySet()) {
			String generated = Files.readString(folder.resolve(pair.getKey()), StandardCharsets.UTF_8);
			String sample;
			try (var in = getClass().getResourceAsStream("/samples/" + pair.getValue())) {
				sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			String generatedFirst = generated.substring(0, generated.indexOf(CRLF) + 2);
			String sampleFirst = sample.substring(0, sample.indexOf(CRLF) + 2);
			if (pair.getKey().equals("ccg-icb-lookup.csv") || pair.getKey().startsWith("PREVALENCE")) {
				// A header: the same bytes, BOM and line ending included.
				assertThat(generatedFirst.getBytes(StandardCharsets.UTF_8)).as(pair.getKey())
					.isEqualTo(sampleFirst.getBytes(StandardCharsets.UTF_8));
			}
			else {
				// Headerless: the same number of quoted fields and the same line ending.
				assertThat(shape(generatedFirst)).as(pair.getKey()).isEqualTo(shape(sampleFirst));
			}
		}
	}

	/** A line with every field's text taken out: its quoting, separators and line ending. */
	private static String shape(String line) {
		return line.replaceAll("\"[^\"]*\"", "\"\"");
	}
}
