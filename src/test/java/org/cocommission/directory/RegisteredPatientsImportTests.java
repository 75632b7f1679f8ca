package org.cocommission.directory;

import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cocommission.directory.DirectoryTestData.PATIENTS_HEADER;
import static org.cocommission.directory.DirectoryTestData.areaTeam;
import static org.cocommission.directory.DirectoryTestData.ccg;
import static org.cocommission.directory.DirectoryTestData.patients;
import static org.cocommission.directory.DirectoryTestData.practice;
import static org.cocommission.directory.DirectoryTestData.region;
import static org.cocommission.directory.DirectoryTestData.sample;
import static org.cocommission.directory.DirectoryTestData.stream;

import org.cocommission.platform.PageOf;

@SpringBootTest
class RegisteredPatientsImportTests {

	private final DirectoryImports imports;

	private final Directory directory;

	private final JdbcClient jdbc;

	@Autowired
	RegisteredPatientsImportTests(DirectoryImports imports, Directory directory, JdbcClient jdbc) {
		this.imports = imports;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void directoryWithTwoPractices() {
		DirectoryTestData.emptyDirectory(jdbc);
		imports.importOds(OdsFile.REGIONS, "regions.csv", stream(region("Y01", "NORTH")));
		imports.importOds(OdsFile.AREA_TEAMS, "area-teams.csv", stream(areaTeam("Q01", "TEES", "Y01")));
		imports.importOds(OdsFile.ECCG, "eccg.csv", stream(ccg("00L", "NHS NORTHUMBERLAND CCG", "Y01", "Q01")));
	}

	@Test
	void importsThePublishedTotalsSample() {
		String practices = IntStream.of(2, 3, 5, 6, 7, 8, 9, 11, 13, 14, 16, 18, 20, 22, 24, 25, 26, 27, 28)
			.mapToObj(number -> practice("A840%02d".formatted(number), "PRACTICE " + number, "00L", "20130401"))
			.collect(Collectors.joining());
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(practices));

		ImportReport report = imports.importRegisteredPatients("gp-reg-pat-prac-all.csv",
				stream(sample("gp-reg-pat-prac-all-excerpt.csv")));

		assertThat(report.rowsRead()).isEqualTo(19);
		assertThat(report.created()).isEqualTo(19);
		assertThat(report.errors()).isEmpty();
		OrganisationDetails practice = directory.get("A84009");
		assertThat(practice.currentListSize()).isEqualTo(26612);
		assertThat(practice.listSizeDate()).isEqualTo(LocalDate.of(2021, 1, 1));
		assertThat(directory.get("00L").currentListSize()).isEqualTo(5903L + 14738 + 12066 + 18638 + 10224 + 4519 + 26612
				+ 7790 + 6232 + 12694 + 6861 + 6970 + 8101 + 11989 + 9895 + 4918 + 8941 + 3418 + 18969);
	}

	@Test
	void foldsSingleYearsIntoFiveYearBandsAndSumsTheTotal() {
		importPractice("B82001");
		String file = PATIENTS_HEADER + patients("01JAN2014", "00L", "B82001", "MALE", "0", 10)
				+ patients("01JAN2014", "00L", "B82001", "MALE", "4", 5) + patients("01JAN2014", "00L", "B82001", "MALE", "5", 7)
				+ patients("01JAN2014", "00L", "B82001", "FEMALE", "93", 3)
				+ patients("01JAN2014", "00L", "B82001", "FEMALE", "95+", 2);

		imports.importRegisteredPatients("single-year.csv", stream(file));

		PopulationPyramid pyramid = directory.pyramid("B82001").orElseThrow();
		assertThat(pyramid.bands()).extracting(PopulationPyramid.Band::ageBand).containsExactly("0_4", "5_9", "90+");
		assertThat(pyramid.bands().get(0).male()).isEqualTo(15);
		assertThat(pyramid.bands().get(2).female()).isEqualTo(5);
		assertThat(directory.get("B82001").currentListSize()).isEqualTo(27);
	}

	@Test
	void readsFiveYearBandsUpTo95Plus() {
		importPractice("B82001");
		String file = PATIENTS_HEADER + patients("01JAN2014", "00L", "B82001", "MALE", "0_4", 100)
				+ patients("01JAN2014", "00L", "B82001", "FEMALE", "90_94", 30)
				+ patients("01JAN2014", "00L", "B82001", "FEMALE", "95+", 12)
				+ patients("01JAN2014", "00L", "B82001", "ALL", "ALL", 142);

		ImportReport report = imports.importRegisteredPatients("quinary.csv", stream(file));

		assertThat(report.warnings()).isEmpty();
		PopulationPyramid pyramid = directory.pyramid("B82001").orElseThrow();
		assertThat(pyramid.female()).isEqualTo(42);
		assertThat(pyramid.male()).isEqualTo(100);
	}

	@Test
	void reimportChangesNothingAndANewExtractAddsHistory() {
		importPractice("B82001");
		String january = PATIENTS_HEADER + patients("01JAN2014", "00L", "B82001", "ALL", "ALL", 5000);
		imports.importRegisteredPatients("jan.csv", stream(january));

		ImportReport again = imports.importRegisteredPatients("jan.csv", stream(january));
		ImportReport april = imports.importRegisteredPatients("apr.csv",
				stream(PATIENTS_HEADER + patients("01APR2014", "00L", "B82001", "ALL", "ALL", 5100)));

		assertThat(again.unchanged()).isEqualTo(1);
		assertThat(again.created() + again.updated()).isZero();
		assertThat(april.created()).isEqualTo(1);
		assertThat(directory.listSizeHistory("B82001")).containsExactly(
				new ListSizePoint(LocalDate.of(2014, 1, 1), 5000), new ListSizePoint(LocalDate.of(2014, 4, 1), 5100));
	}

	@Test
	void aCorrectedExtractUpdatesTheFigureAndAuditsTheChange() {
		importPractice("B82001");
		imports.importRegisteredPatients("jan.csv",
				stream(PATIENTS_HEADER + patients("01JAN2014", "00L", "B82001", "ALL", "ALL", 5000)));

		ImportReport corrected = imports.importRegisteredPatients("jan-corrected.csv",
				stream(PATIENTS_HEADER + patients("01JAN2014", "00L", "B82001", "ALL", "ALL", 5050)));

		assertThat(corrected.updated()).isEqualTo(1);
		assertThat(directory.get("B82001").currentListSize()).isEqualTo(5050);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'LIST_SIZE_CHANGED' and entity_id like 'B82001@%'"
				+ " and (before_state->>'patients')::int = 5000 and (after_state->>'patients')::int = 5050")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aFileOfAStoredAndANewExtractUpdatesTheOneAndAddsTheOther() {
		importPractice("B82001");
		imports.importRegisteredPatients("jan.csv",
				stream(PATIENTS_HEADER + patients("01JAN2014", "00L", "B82001", "ALL", "ALL", 5000)));

		ImportReport both = imports.importRegisteredPatients("jan-and-apr.csv",
				stream(PATIENTS_HEADER + patients("01JAN2014", "00L", "B82001", "ALL", "ALL", 5050)
						+ patients("01APR2014", "00L", "B82001", "ALL", "ALL", 5100)));

		assertThat(both.updated()).isEqualTo(1);
		assertThat(both.created()).isEqualTo(1);
		assertThat(directory.listSizeHistory("B82001")).containsExactly(
				new ListSizePoint(LocalDate.of(2014, 1, 1), 5050), new ListSizePoint(LocalDate.of(2014, 4, 1), 5100));
	}

	@Test
	void rejectsUnknownPracticesNegativeCountsBadSexAndDuplicatesWithRowNumbers() {
		importPractice("B82001");
		String file = PATIENTS_HEADER + patients("01JAN2014", "00L", "B82001", "ALL", "ALL", 5000)
				+ patients("01JAN2014", "00L", "Z99999", "ALL", "ALL", 10)
				+ patients("01JAN2014", "00L", "B82001", "MALE", "0_4", -1)
				+ patients("01JAN2014", "00L", "B82001", "BOTH", "ALL", 1)
				+ patients("01JAN2014", "00L", "B82001", "ALL", "ALL", 5000)
				+ patients("2014-01-01", "00L", "B82001", "ALL", "ALL", 5000);

		assertThatThrownBy(() -> imports.importRegisteredPatients("bad.csv", stream(file)))
			.isInstanceOfSatisfying(ImportRejectedException.class, ex -> assertThat(ex.report().errors()).containsExactly(
					new RowMessage(3, "unknown parent: practice Z99999 is not in the directory (import epraccur first)"),
					new RowMessage(4, "NUMBER_OF_PATIENTS -1 is negative"),
					new RowMessage(5, "SEX 'BOTH' is not MALE, FEMALE or ALL"),
					new RowMessage(6, "duplicate: B82001 ALL ALL at 2014-01-01 is already on row 2"),
					new RowMessage(7, "invalid EXTRACT_DATE '2014-01-01' (expected e.g. 01JAN2021)")));
		assertThat(directory.listSizeHistory("B82001")).isEmpty();
	}

	@Test
	void rejectsAFileWithTheWrongHeader() {
		assertThatThrownBy(() -> imports.importRegisteredPatients("bad.csv", stream("CODE,PATIENTS\nB82001,5\n")))
			.isInstanceOfSatisfying(ImportRejectedException.class, ex -> assertThat(ex.report().errors())
				.singleElement()
				.satisfies(error -> assertThat(error.message()).startsWith("the header must be PUBLICATION,EXTRACT_DATE")));
	}

	@Test
	void warnsWhenThePracticeIsListedUnderAnotherCcg() {
		importPractice("B82001");

		ImportReport report = imports.importRegisteredPatients("jan.csv",
				stream(PATIENTS_HEADER + patients("01JAN2014", "99Z", "B82001", "ALL", "ALL", 5000)));

		assertThat(report.warnings()).singleElement()
			.satisfies(warning -> assertThat(warning.message()).contains("listed under CCG 99Z").contains("in 00L"));
	}

	@Test
	void checksTheCcgAsItWasOnTheExtractDate() {
		imports.importOds(OdsFile.ECCG, "eccg.csv", stream(ccg("00M", "NHS SECOND CCG", "Y01", "Q01")));
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(practice("B82001", "MOVER", "00L", "20130401")));
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(practice("B82001", "MOVER", "00M", "20150401")));

		ImportReport report = imports.importRegisteredPatients("jan.csv",
				stream(PATIENTS_HEADER + patients("01JAN2014", "00L", "B82001", "ALL", "ALL", 5000)
						+ patients("01JAN2016", "00M", "B82001", "ALL", "ALL", 5100)));

		assertThat(report.warnings()).isEmpty();
	}

	@Test
	void listsCcgsByTheirRegisteredPopulation() {
		imports.importOds(OdsFile.ECCG, "eccg.csv", stream(ccg("00M", "NHS SMALL CCG", "Y01", "Q01")));
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(practice("B82001", "BIG ONE", "00L", "20130401")
				+ practice("B82002", "BIG TWO", "00L", "20130401") + practice("B82003", "SMALL", "00M", "20130401")));
		imports.importRegisteredPatients("jan.csv", stream(PATIENTS_HEADER
				+ patients("01JAN2014", "00L", "B82001", "ALL", "ALL", 6000)
				+ patients("01JAN2014", "00L", "B82002", "ALL", "ALL", 4000)
				+ patients("01JAN2014", "00M", "B82003", "ALL", "ALL", 9000)));

		PageOf<OrganisationSummary> bySize = directory.list(OrganisationType.CCG, null, null, Directory.ListSort.LIST_SIZE,
				true, 0, 10);

		assertThat(bySize.items()).extracting(OrganisationSummary::code, OrganisationSummary::listSize)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("00L", 10000L), org.assertj.core.groups.Tuple.tuple("00M", 9000L));
		// Sorted otherwise, a page is cut before its totals are added up: the same totals, page by page.
		assertThat(directory.list(OrganisationType.CCG, null, null, Directory.ListSort.CODE, true, 0, 1).items())
			.extracting(OrganisationSummary::code, OrganisationSummary::listSize)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("00M", 9000L));
		assertThat(directory.list(OrganisationType.CCG, null, null, Directory.ListSort.CODE, true, 1, 1).items())
			.extracting(OrganisationSummary::code, OrganisationSummary::listSize)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("00L", 10000L));
	}

	private void importPractice(String code) {
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(practice(code, "PRACTICE " + code, "00L", "20130401")));
	}
}
