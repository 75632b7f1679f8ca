package org.cocommission.directory;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cocommission.directory.DirectoryTestData.areaTeam;
import static org.cocommission.directory.DirectoryTestData.ccg;
import static org.cocommission.directory.DirectoryTestData.practice;
import static org.cocommission.directory.DirectoryTestData.region;
import static org.cocommission.directory.DirectoryTestData.sample;
import static org.cocommission.directory.DirectoryTestData.stream;

@SpringBootTest
class OdsImportTests {

	private final DirectoryImports imports;

	private final Directory directory;

	private final JdbcClient jdbc;

	@Autowired
	OdsImportTests(DirectoryImports imports, Directory directory, JdbcClient jdbc) {
		this.imports = imports;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void emptyDirectory() {
		DirectoryTestData.emptyDirectory(jdbc);
	}

	@Test
	void storesQuotesCommasEmptyLinesAndMissingValuesAsTheFileHasThem() {
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(DirectoryTestData.odsRow("B82099",
				"DR \"\"SMITH\"\", JONES & PARTNERS", "Y63", "Q74", "THE SURGERY", "", "TOWN, NORTH", "", "", "TS1 2AB",
				"19740401", "", "A", "B", "00L", "20130401", "", "", "", "", "", "0", "", "00L", "", "4", "")));

		record Stored(String name, String line1, String line2, String line3, String postcode,
				LocalDate openDate, LocalDate closeDate, String telephone, Short prescribingSetting, String type) {
		}
		assertThat(jdbc.sql("select name, address_line_1 as line1, address_line_2 as line2, address_line_3 as line3,"
				+ " postcode, open_date,"
				+ " close_date, telephone, prescribing_setting, type from directory_organisation where code = 'B82099'")
			.query(Stored.class)
			.single()).isEqualTo(new Stored("DR \"SMITH\", JONES & PARTNERS", "THE SURGERY", null, "TOWN, NORTH", "TS1 2AB",
					LocalDate.of(1974, 4, 1), null, null, (short) 4, "GP_PRACTICE"));
		assertThat(jdbc.sql("select attributes->>'name' from directory_organisation_revision where code = 'B82099'"
				+ " and change = 'CREATED'").query(String.class).single()).isEqualTo("DR \"SMITH\", JONES & PARTNERS");
		assertThat(jdbc.sql("select parent_code || ' ' || valid_from || ' ' || coalesce(valid_to::text, '-')"
				+ " from directory_relationship where child_code = 'B82099'").query(String.class).list())
			.containsExactly("00L 2013-04-01 -");
	}

	@Test
	void importsThePublishedEpraccurSampleWithPlaceholderCcgsForUnknownCommissioners() {
		ImportReport report = imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(sample("epraccur-excerpt.csv")));

		assertThat(report.rowsRead()).isEqualTo(20);
		assertThat(report.created()).isEqualTo(20);
		assertThat(report.errors()).isEmpty();
		assertThat(report.warnings()).extracting(RowMessage::message)
			.anySatisfy(message -> assertThat(message).contains("commissioner 00K").contains("placeholder"))
			.anySatisfy(message -> assertThat(message).contains("commissioner 00M"));
		OrganisationDetails densham = directory.get("A81001");
		assertThat(densham.name()).isEqualTo("THE DENSHAM SURGERY");
		assertThat(densham.postcode()).isEqualTo("TS18 1HU");
		assertThat(densham.practiceType()).isEqualTo("GP practice");
		assertThat(densham.parentChain()).extracting(OrganisationRef::code).containsExactly("00K");
		assertThat(directory.get("00K").placeholder()).isTrue();
		assertThat(directory.get("A81003").closeDate()).isEqualTo(LocalDate.of(2017, 10, 31));
	}

	@Test
	void reimportingTheSameFileChangesNothing() {
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(sample("epraccur-excerpt.csv")));
		long revisions = count("directory_organisation_revision");
		long links = count("directory_relationship");

		ImportReport again = imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(sample("epraccur-excerpt.csv")));

		assertThat(again.created()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(20);
		assertThat(again.warnings()).isEmpty();
		assertThat(count("directory_organisation_revision")).isEqualTo(revisions);
		assertThat(count("directory_relationship")).isEqualTo(links);
	}

	@Test
	void aNewerFileUpdatesAndKeepsHistoryOfAttributesAndMemberships() {
		loadHierarchy();
		imports.importOds(OdsFile.EPRACCUR, "epraccur-2013.csv",
				stream(practice("B82001", "OLD NAME SURGERY", "01A", "20130401") + practice("B82002", "STAYS PUT", "01A", "20130401")));

		ImportReport newer = imports.importOds(OdsFile.EPRACCUR, "epraccur-2015.csv",
				stream(practice("B82001", "NEW NAME SURGERY", "01B", "20150401") + practice("B82002", "STAYS PUT", "01A", "20130401")));

		assertThat(newer.updated()).isEqualTo(1);
		assertThat(newer.unchanged()).isEqualTo(1);
		assertThat(directory.get("B82001").name()).isEqualTo("NEW NAME SURGERY");
		assertThat(directory.revisions("B82001")).hasSize(2)
			.extracting(revision -> revision.attributes().get("name"))
			.containsExactly("NEW NAME SURGERY", "OLD NAME SURGERY");
		assertThat(directory.parentChain("B82001", LocalDate.of(2014, 6, 1))).extracting(OrganisationRef::code)
			.containsExactly("01A", "Q01", "Y01", "X24");
		assertThat(directory.parentChain("B82001", LocalDate.of(2015, 4, 1))).extracting(OrganisationRef::code)
			.containsExactly("01B", "Q01", "Y01", "X24");
		assertThat(directory.memberships("B82001")).hasSize(2)
			.first()
			.satisfies(latest -> assertThat(latest.parent().code()).isEqualTo("01B"));
		assertThat(directory.memberships("B82001").get(1).validTo()).isEqualTo(LocalDate.of(2015, 3, 31));
	}

	@Test
	void theCcgFileCompletesAPlaceholderCcg() {
		loadHierarchy();
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(practice("B82003", "NEW PRACTICE", "05X", "20130401")));
		assertThat(directory.get("05X").placeholder()).isTrue();

		ImportReport report = imports.importOds(OdsFile.ECCG, "eccg.csv", stream(ccg("05X", "NHS LATE CCG", "Y01", "Q01")));

		assertThat(report.updated()).isEqualTo(1);
		OrganisationDetails completed = directory.get("05X");
		assertThat(completed.placeholder()).isFalse();
		assertThat(completed.name()).isEqualTo("NHS LATE CCG");
		assertThat(directory.get("B82003").parentChain()).extracting(OrganisationRef::code)
			.containsExactly("05X", "Q01", "Y01", "X24");
	}

	@Test
	void rejectsABadOdsCodeAndStoresNothing() {
		assertRejected(OdsFile.EPRACCUR, practice("B82001", "FINE", "01A", "20130401") + practice("b8-001", "BAD", "01A", "20130401"),
				2, "bad ODS code 'b8-001'");
	}

	@Test
	void rejectsAnInvalidDate() {
		assertRejected(OdsFile.EPRACCUR, practice("B82001", "BAD DATE", "01A", "2013-04-01"), 1,
				"invalid join commissioner date '2013-04-01'");
	}

	@Test
	void rejectsACloseDateBeforeTheOpenDate() {
		assertRejected(OdsFile.EPRACCUR, practice("B82001", "BACKWARDS", "01A", "20130401", "", "C", "19700101", "4"), 1,
				"close date 1970-01-01 is before open date 1974-04-01");
	}

	@Test
	void rejectsADuplicateCode() {
		assertRejected(OdsFile.EPRACCUR,
				practice("B82001", "ONCE", "01A", "20130401") + practice("B82001", "TWICE", "01A", "20130401"), 2,
				"duplicate: B82001 is already on row 1");
	}

	@Test
	void rejectsAParentOfAnotherType() {
		// An unknown region is a placeholder (DatedStructureImportTests); a code of another type cannot be meant.
		imports.importOds(OdsFile.REGIONS, "regions.csv", stream(region("Y01", "NORTH")));
		assertRejected(OdsFile.AREA_TEAMS, areaTeam("Q01", "TEES", "X24"), 1,
				"unknown parent: X24 is a NHS England, not a Region");
	}

	@Test
	void rejectsACommissionerThatIsNotACcg() {
		loadHierarchy();
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(practice("B82001", "A PRACTICE", "01A", "20130401")));
		assertRejected(OdsFile.EPRACCUR, practice("B82002", "ODD", "B82001", "20130401"), 1,
				"unknown parent: commissioner B82001 is a GP practice, not a CCG");
	}

	@Test
	void rejectsARowWithTheWrongNumberOfColumns() {
		assertRejected(OdsFile.EPRACCUR, "\"B82001\",\"SHORT\"\n", 1, "has 2 columns; the ODS layout has 27");
	}

	@Test
	void rejectsTheWholeFileWhenOneRowIsBadAndLogsTheAttempt() {
		String file = practice("B82001", "GOOD ONE", "01A", "20130401") + practice("B82002", "GOOD TWO", "01A", "20130401")
				+ practice("B82003", "BAD STATUS", "01A", "20130401", "", "X", "", "4");

		assertThatThrownBy(() -> imports.importOds(OdsFile.EPRACCUR, "mixed.csv", stream(file)))
			.isInstanceOfSatisfying(ImportRejectedException.class, ex -> {
				assertThat(ex.report().errors()).containsExactly(new RowMessage(3, "invalid status 'X' (expected A, C, D or P)"));
				assertThat(ex.report().rowsRead()).isEqualTo(2);
			});
		assertThat(directory.find("B82001")).isEmpty();
		assertThat(directory.find("01A")).isEmpty();
		assertThat(imports.recentImports(1)).singleElement()
			.satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo("REJECTED"));
	}

	@Test
	void keepsNonPracticeSettingsButDoesNotCountThemAsPractices() {
		loadHierarchy();
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(practice("B82001", "A PRACTICE", "01A", "20130401")
				+ practice("Y02001", "WALK-IN CENTRE", "01A", "20130401", "", "A", "", "1")));

		assertThat(directory.get("Y02001").practiceType()).isEqualTo("Walk-in centre");
		assertThat(directory.coverage(LocalDate.of(2014, 1, 1)).practicesOpen()).isEqualTo(1);
		assertThat(directory.summary().otherSettings()).isEqualTo(1);
	}

	private void assertRejected(OdsFile file, String content, int row, String message) {
		long organisations = count("directory_organisation");
		assertThatThrownBy(() -> imports.importOds(file, "bad.csv", stream(content)))
			.isInstanceOfSatisfying(ImportRejectedException.class,
					ex -> assertThat(ex.report().errors()).anySatisfy(error -> {
						assertThat(error.row()).isEqualTo(row);
						assertThat(error.message()).contains(message);
					}));
		assertThat(count("directory_organisation")).isEqualTo(organisations);
	}

	private void loadHierarchy() {
		imports.importOds(OdsFile.REGIONS, "regions.csv", stream(region("Y01", "NORTH")));
		imports.importOds(OdsFile.AREA_TEAMS, "area-teams.csv", stream(areaTeam("Q01", "TEES", "Y01")));
		imports.importOds(OdsFile.ECCG, "eccg.csv",
				stream(ccg("01A", "NHS FIRST CCG", "Y01", "Q01") + ccg("01B", "NHS SECOND CCG", "Y01", "Q01")));
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
