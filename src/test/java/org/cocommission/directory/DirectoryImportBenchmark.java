package org.cocommission.directory;

import static org.cocommission.bench.CopyBaseline.copyIntoScratch;
import static org.cocommission.bench.CopyBaseline.time;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;


import org.cocommission.CoCommissionApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.cocommission.directory.DirectoryTestData.areaTeam;
import static org.cocommission.directory.DirectoryTestData.ccg;
import static org.cocommission.directory.DirectoryTestData.practice;
import static org.cocommission.directory.DirectoryTestData.region;
import static org.cocommission.directory.DirectoryTestData.stream;

/**
 * Bench command (bench/directory-import): imports a national-size epraccur file of 15,000 practices, then the same
 * file again, and registered-patients files for 7,800 practices: two quarters of list totals, then a quarter in 5-year
 * bands, one straight after the other. Each figure is reported against a baseline measured in the same run: a bare PostgreSQL COPY of the same
 * rows into an unindexed table, the least any import of them could cost.
 */
public final class DirectoryImportBenchmark {

	private static final int PRACTICES = 15_000;

	private static final int CCGS = 211;

	private DirectoryImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Files.createTempDirectory("cocommission-bench");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CoCommissionApplication.class)
			.properties("cocommission.data-dir=" + data, "cocommission.demo=false", "server.port=0",
					"logging.level.root=WARN")
			.run()) {
			var imports = context.getBean(DirectoryImports.class);
			var jdbc = context.getBean(JdbcClient.class);
			var dataSource = context.getBean(DataSource.class);
			imports.importOds(OdsFile.REGIONS, "regions.csv", stream(region("Y01", "NORTH")));
			imports.importOds(OdsFile.AREA_TEAMS, "area-teams.csv", stream(areaTeam("Q01", "TEES", "Y01")));
			var ccgs = new StringBuilder();
			for (int index = 0; index < CCGS; index++) {
				ccgs.append(ccg(ccgCode(index), "NHS BENCH CCG " + index, "Y01", "Q01"));
			}
			imports.importOds(OdsFile.ECCG, "eccg.csv", stream(ccgs.toString()));

			String epraccur = epraccur();
			String firstTotals = totals(7_800, "01APR2013");
			String nextTotals = totals(7_800, "01JUL2013");
			String patients = patients(7_800, "01JAN2014");
			List<String> report = new ArrayList<>();

			Duration copyPractices = time(
					() -> copyIntoScratch(dataSource, jdbc, "bench_scratch_27", epraccur.replace("\"", ""), 27));
			Duration firstImport = time(() -> imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(epraccur)));
			Duration reimport = time(() -> imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(epraccur)));
			String patientRows = patients.substring(patients.indexOf('\n') + 1);
			Duration copyPatients = time(() -> copyIntoScratch(dataSource, jdbc, "bench_scratch_10", patientRows, 10));
			// Quarter after quarter, as users load them: each import finds stored rows with no fresh statistics.
			Duration firstTotalsImport = time(() -> imports.importRegisteredPatients("totals.csv", stream(firstTotals)));
			Duration nextTotalsImport = time(() -> imports.importRegisteredPatients("totals-next.csv", stream(nextTotals)));
			Duration patientsImport = time(() -> imports.importRegisteredPatients("quinary.csv", stream(patients)));

			report.add("Directory import benchmark (%d practices, %d registered-patient rows)".formatted(PRACTICES,
					patientRows.lines().count()));
			report.add(line("baseline: COPY of the epraccur rows", copyPractices, copyPractices));
			report.add(line("epraccur first import", firstImport, copyPractices));
			report.add(line("epraccur re-import (no change)", reimport, copyPractices));
			report.add(line("baseline: COPY of the patient rows", copyPatients, copyPatients));
			report.add(line("first quarter's list totals import", firstTotalsImport, copyPatients));
			report.add(line("next quarter's list totals import", nextTotalsImport, copyPatients));
			report.add(line("registered patients import (bands)", patientsImport, copyPatients));
			report.forEach(System.out::println);
			Path out = Path.of(args.length > 0 ? args[0] : "target/bench-directory-import.txt");
			Files.createDirectories(out.toAbsolutePath().getParent());
			Files.write(out, report);
		}
	}

	private static String line(String label, Duration duration, Duration baseline) {
		return String.format(Locale.UK, "%-40s %8d ms  %6.1f x baseline", label, duration.toMillis(),
				(double) duration.toNanos() / baseline.toNanos());
	}

	private static String ccgCode(int index) {
		return "%02d%c".formatted(index / 26, (char) ('A' + index % 26));
	}

	private static String epraccur() {
		var file = new StringBuilder(PRACTICES * 220);
		for (int index = 0; index < PRACTICES; index++) {
			String setting = index % 50 == 0 ? "1" : "4";
			String status = index % 33 == 0 ? "C" : "A";
			file.append(practice(practiceCode(index), "BENCH PRACTICE " + index, ccgCode(index % CCGS), "20130401", "",
					status, status.equals("C") ? "20160331" : "", setting));
		}
		return file.toString();
	}

	private static String practiceCode(int index) {
		return "%c%05d".formatted((char) ('A' + index / 10_000), index % 10_000);
	}

	private static String totals(int practices, String extract) {
		var file = new StringBuilder(DirectoryTestData.PATIENTS_HEADER);
		for (int index = 0; index < practices; index++) {
			file.append(DirectoryTestData.patients(extract, ccgCode(index % CCGS), practiceCode(index), "ALL", "ALL",
					4_000 + index % 997));
		}
		return file.toString();
	}

	private static String patients(int practices, String extract) {
		var file = new StringBuilder(DirectoryTestData.PATIENTS_HEADER);
		for (int index = 0; index < practices; index++) {
			String code = practiceCode(index);
			String ccg = ccgCode(index % CCGS);
			for (AgeBand band : AgeBand.ALL) {
				String age = band.code().equals("90+") ? "90_94" : band.code();
				file.append(DirectoryTestData.patients(extract, ccg, code, "MALE", age, 100 + index % 97));
				file.append(DirectoryTestData.patients(extract, ccg, code, "FEMALE", age, 110 + index % 89));
			}
		}
		return file.toString();
	}
}
