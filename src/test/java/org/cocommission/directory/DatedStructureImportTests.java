package org.cocommission.directory;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cocommission.directory.DirectoryTestData.odsRow;
import static org.cocommission.directory.DirectoryTestData.sampleBytes;
import static org.cocommission.directory.DirectoryTestData.stream;

/** The dated national structure: eccg with closed CCGs, roles and ICBs; the CCG-to-ICB lookup; epcmem; succ. */
@SpringBootTest
class DatedStructureImportTests {

	private static final LocalDate TODAY = LocalDate.now();

	private final DirectoryImports imports;

	private final Directory directory;

	private final JdbcClient jdbc;

	@Autowired
	DatedStructureImportTests(DirectoryImports imports, Directory directory, JdbcClient jdbc) {
		this.imports = imports;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void emptyDirectory() {
		DirectoryTestData.emptyDirectory(jdbc);
	}

	@Test
	void thePublishedEccgDatesEachCcgAndItsSubIcbLocationUnderAPlaceholderIcb() {
		ImportReport report = imports.importFile("eccg", "eccg.csv", sampleBytes("eccg-excerpt.csv"));

		assertThat(report.rowsRead()).isEqualTo(20);
		assertThat(report.created()).isEqualTo(20);
		assertThat(report.errors()).isEmpty();
		assertThat(report.warnings()).extracting(RowMessage::message)
			.anySatisfy(message -> assertThat(message).contains("integrated care board QHM").contains("placeholder"))
			.anySatisfy(message -> assertThat(message).contains("QE1"))
			.anySatisfy(message -> assertThat(message).contains("QOP"));
		OrganisationDetails stillHere = directory.get("00L");
		assertThat(stillHere.type()).isEqualTo(OrganisationType.CCG);
		assertThat(stillHere.typeLabel()).isEqualTo("Sub-ICB location");
		assertThat(stillHere.typeHistory()).containsExactly(
				new TypePeriod(OrganisationType.CCG, LocalDate.of(2013, 4, 1), LocalDate.of(2022, 6, 30)),
				new TypePeriod(OrganisationType.SUB_ICB_LOCATION, LocalDate.of(2022, 7, 1), null));
		assertThat(directory.typeOn("00L", LocalDate.of(2019, 4, 1))).contains(OrganisationType.CCG);
		assertThat(directory.typeOn("00L", LocalDate.of(2023, 4, 1))).contains(OrganisationType.SUB_ICB_LOCATION);
		assertThat(stillHere.parentChain()).extracting(OrganisationRef::code).containsExactly("QHM", "Y63");
		assertThat(directory.get("Y63").placeholder()).as("a region named by column 3").isTrue();
		assertThat(directory.get("QHM").placeholder()).isTrue();
		assertThat(directory.get("QHM").type()).isEqualTo(OrganisationType.ICB);

		OrganisationDetails merged = directory.get("00C");
		assertThat(merged.closeDate()).isEqualTo(LocalDate.of(2020, 3, 31));
		assertThat(merged.typeLabel()).isEqualTo("Clinical commissioning group");
		assertThat(merged.typeHistory()).containsExactly(
				new TypePeriod(OrganisationType.CCG, LocalDate.of(2013, 4, 1), LocalDate.of(2020, 3, 31)));
		assertThat(directory.memberships("00C")).as("closed before ICBs existed").isEmpty();

		ImportReport again = imports.importFile("eccg", "eccg.csv", sampleBytes("eccg-excerpt.csv"));
		assertThat(again.unchanged()).isEqualTo(20);
		assertThat(again.warnings()).isEmpty();
	}

	@Test
	void theCcgIcbLookupNamesTheIcbsAndLinksTheirSubIcbLocationsFromJuly2022() {
		imports.importFile("eccg", "eccg.csv", sampleBytes("eccg-excerpt.csv"));

		ImportReport report = imports.importFile("ccg-icb", "ccg-icb.csv", sampleBytes("ccg-icb-excerpt.csv"));

		assertThat(report.rowsRead()).isEqualTo(19);
		assertThat(report.errors()).isEmpty();
		assertThat(report.warnings()).extracting(RowMessage::message)
			.anySatisfy(message -> assertThat(message).contains("00C closed on 2020-03-31"))
			.anySatisfy(message -> assertThat(message).contains("CCG 99C").contains("placeholder"));
		OrganisationDetails icb = directory.get("QHM");
		assertThat(icb.name()).isEqualTo("NHS North East and North Cumbria Integrated Care Board");
		assertThat(icb.placeholder()).isFalse();
		assertThat(directory.get("QMM").type()).isEqualTo(OrganisationType.ICB);
		assertThat(directory.memberships("00L")).singleElement()
			.satisfies(link -> assertThat(link.validFrom()).isEqualTo(LocalDate.of(2022, 7, 1)));
		assertThat(directory.children("QHM", TODAY)).extracting(OrganisationSummary::code).contains("00L", "00N", "00P");
		assertThat(directory.children("QHM", LocalDate.of(2021, 4, 1))).isEmpty();
		assertThat(directory.typeOn("16C", LocalDate.of(2023, 1, 1))).contains(OrganisationType.SUB_ICB_LOCATION);

		// What the audit trail keeps of the lookup's changes, field by field (IcbLookupImporter's and StructureWrites'
		// records); the ICBs' revisions hold the same state.
		assertThat(stored("PLACEHOLDER_CREATED", "99C"))
			.isEqualTo("{\"name\": \"99C\", \"type\": \"CCG\", \"placeholder\": true}");
		assertThat(jdbc.sql("select after_state::text from audit_event where action in ('ORGANISATION_CREATED',"
				+ " 'ORGANISATION_UPDATED') and entity_id = 'QMM' order by id desc limit 1").query(String.class).single())
			.isEqualTo("{\"name\": \"NHS Norfolk and Waveney Integrated Care Board\", \"type\": \"ICB\"}");
		assertThat(jdbc.sql("select attributes::text from directory_organisation_revision where code = 'QMM'"
				+ " order by id desc limit 1").query(String.class).single())
			.isEqualTo("{\"name\": \"NHS Norfolk and Waveney Integrated Care Board\", \"type\": \"ICB\"}");

		ImportReport again = imports.importFile("ccg-icb", "ccg-icb.csv", sampleBytes("ccg-icb-excerpt.csv"));
		assertThat(again.created() + again.updated()).isZero();
	}

	@Test
	void filesLoadInAnyOrderPlaceholdersAreCompletedByTheirOwnFile() {
		imports.importFile("ccg-icb", "ccg-icb.csv", sampleBytes("ccg-icb-excerpt.csv"));
		assertThat(directory.get("00C").placeholder()).isTrue();
		// What the audit trail keeps of a link the lookup made (IcbLookupImporter.Membership), field by field.
		assertThat(jdbc.sql("select after_state::text from audit_event where action = 'MEMBERSHIP_CHANGED'"
				+ " and entity_id = '00L'").query(String.class).list())
			.contains("{\"parent\": \"QHM\", \"validFrom\": \"2022-07-01\"}");

		imports.importFile("eccg", "eccg.csv", sampleBytes("eccg-excerpt.csv"));

		assertThat(directory.get("00C").placeholder()).isFalse();
		assertThat(directory.memberships("00C")).as("the guessed ICB link never held: 00C closed in 2020").isEmpty();
		assertThat(directory.typeOn("00C", LocalDate.of(2019, 1, 1))).contains(OrganisationType.CCG);
		assertThat(directory.get("00L").parentChain()).extracting(OrganisationRef::code).containsExactly("QHM", "Y63");
		assertThat(directory.get("QHM").placeholder()).isFalse();
	}

	@Test
	void epcmemGivesEveryPracticeItsCcgOnEveryDateSince2013() {
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", sampleBytes("epraccur-excerpt.csv"));

		ImportReport report = imports.importFile("epcmem", "epcmem.csv", sampleBytes("epcmem-excerpt.csv"));

		assertThat(report.rowsRead()).isEqualTo(20);
		assertThat(report.errors()).isEmpty();
		assertThat(report.warnings()).extracting(RowMessage::message)
			.anySatisfy(message -> assertThat(message).contains("ended before 1 April 2013").contains("not stored"));
		assertThat(directory.memberships("A81003")).singleElement().satisfies(link -> {
			assertThat(link.parent().code()).isEqualTo("00K");
			assertThat(link.validFrom()).isEqualTo(LocalDate.of(2013, 4, 1));
			assertThat(link.validTo()).isEqualTo(LocalDate.of(2017, 10, 31));
		});
		assertThat(directory.commissionerOn("A81001", LocalDate.of(2015, 6, 1))).contains("00K");
		assertThat(directory.commissionerOn("A81003", LocalDate.of(2019, 6, 1))).as("closed: its last CCG")
			.contains("00K");
		assertThat(directory.commissionerOn("A81004", LocalDate.of(2013, 4, 1))).contains("00M");

		ImportReport again = imports.importFile("epcmem", "epcmem.csv", sampleBytes("epcmem-excerpt.csv"));
		assertThat(again.created() + again.updated()).isZero();
	}

	@Test
	void epcmemReplacesAPracticesCurrentGuessWithItsHistory() {
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv",
				stream(DirectoryTestData.practice("B82001", "MERGED SURGERY", "02B", "20200401")));
		String history = "\"B82001\",\"5E1\",\"W\",\"20010401\",\"20130331\",\"0\"\r\n"
				+ "\"B82001\",\"01A\",\"W\",\"20130401\",\"20200331\",\"0\"\r\n"
				+ "\"B82001\",\"02B\",\"W\",\"20200401\",\"\",\"0\"\r\n";

		ImportReport report = imports.importFile("epcmem", "epcmem.csv", stream(history));

		assertThat(report.created()).isEqualTo(1);
		assertThat(report.unchanged()).as("epraccur's link from 2020 is the history's last row").isEqualTo(1);
		assertThat(report.updated()).isZero();
		assertThat(directory.commissionerOn("B82001", LocalDate.of(2014, 1, 1))).contains("01A");
		assertThat(directory.commissionerOn("B82001", LocalDate.of(2021, 1, 1))).contains("02B");
		assertThat(directory.get("01A").placeholder()).isTrue();
	}

	@Test
	void epcmemAsPublishedWithAHeaderBomCrlfAndBlankLinesLoadsOnAnEmptyDirectory() {
		String file = "\uFEFFPRACTICE_CODE,COMMISSIONER,TYPE,START_DATE,END_DATE,FLAG\r\n"
				+ "\"A81001\",\"00K\",\"W\",\"20130401\",\"\",\"0\"\r\n" + "\r\n\r\n";

		ImportReport report = imports.importFile("epcmem", "epcmem.csv", stream(file));

		assertThat(report.rowsRead()).isEqualTo(1);
		assertThat(report.created()).isEqualTo(1);
		assertThat(report.warnings()).extracting(RowMessage::message)
			.anySatisfy(message -> assertThat(message).contains("practice A81001").contains("placeholder"))
			.anySatisfy(message -> assertThat(message).contains("commissioner 00K").contains("placeholder"));
		assertThat(directory.get("A81001").type()).isEqualTo(OrganisationType.GP_PRACTICE);
	}

	@Test
	void anEpcmemRowThatCannotBeMeantRejectsTheWholeFile() {
		String file = "\"A81001\",\"00K\",\"W\",\"20130401\",\"\",\"0\"\n"
				+ "\"A81002\",\"00K\",\"W\",\"2013-04-01\",\"\",\"0\"\n"
				+ "\"A81003\",\"00K\",\"W\",\"20170401\",\"20130401\",\"0\"\n"
				+ "\"A81001\",\"00K\",\"W\",\"20130401\",\"\",\"0\"\n";

		assertThatThrownBy(() -> imports.importFile("epcmem", "epcmem.csv", stream(file)))
			.isInstanceOfSatisfying(ImportRejectedException.class, ex -> assertThat(ex.report().errors())
				.extracting(RowMessage::row, RowMessage::message)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "invalid start date '2013-04-01' (expected YYYYMMDD)"),
						org.assertj.core.groups.Tuple.tuple(3,
								"invalid date: end date 2013-04-01 is before start date 2017-04-01"),
						org.assertj.core.groups.Tuple.tuple(4,
								"duplicate: A81001 in 00K from 2013-04-01 is already on row 1")));
		assertThat(jdbc.sql("select count(*) from directory_organisation").query(Long.class).single())
			.as("nothing stored, not even placeholders").isEqualTo(1);
	}

	@Test
	void twoCommissionersOnOneDayIsAWarningAndStored() {
		String file = "\"A81001\",\"00K\",\"W\",\"20130401\",\"20150401\",\"0\"\n"
				+ "\"A81001\",\"00M\",\"W\",\"20150401\",\"\",\"0\"\n";

		ImportReport report = imports.importFile("epcmem", "epcmem.csv", stream(file));

		assertThat(report.created()).isEqualTo(2);
		assertThat(report.warnings()).extracting(RowMessage::message)
			.anySatisfy(message -> assertThat(message).contains("two commissioners on the same day"));
	}

	@Test
	void succGivesPredecessorsSuccessorsAndTheCodeOnAStructureDate() {
		imports.importFile("eccg", "eccg.csv", sampleBytes("eccg-excerpt.csv"));

		ImportReport report = imports.importFile("succ", "succ.csv", sampleBytes("succ-excerpt.csv"));

		assertThat(report.rowsRead()).isEqualTo(20);
		assertThat(report.created()).isEqualTo(20);
		assertThat(report.warnings()).extracting(RowMessage::message)
			.anySatisfy(message -> assertThat(message).startsWith("16C is not in the directory"));
		assertThat(directory.get("00C").successors())
			.containsExactly(new Succession("16C", null, LocalDate.of(2020, 4, 1)));
		assertThat(directory.predecessors("13T")).extracting(Succession::code).containsExactly("00F", "00G", "00H");
		assertThat(directory.predecessors("13T").get(0).name()).isEqualTo("NHS GATESHEAD CCG");
		assertThat(directory.successorOn("00F", LocalDate.of(2015, 3, 31))).isEqualTo("00F");
		assertThat(directory.successorOn("00F", LocalDate.of(2015, 4, 1))).isEqualTo("13T");
		assertThat(directory.successorOn("00L", LocalDate.of(2023, 1, 1))).isEqualTo("00L");

		ImportReport again = imports.importFile("succ", "succ.csv", sampleBytes("succ-excerpt.csv"));
		assertThat(again.unchanged()).isEqualTo(20);
	}

	@Test
	void successionsChainToTheStructureDate() {
		imports.importFile("succ", "succ.csv", stream("\"01A\",\"02B\",\"\",\"20150401\",\"0\"\n"
				+ "\"02B\",\"03C\",\"\",\"20200401\",\"0\"\n"));

		assertThat(directory.successorOn("01A", LocalDate.of(2016, 1, 1))).isEqualTo("02B");
		assertThat(directory.successorOn("01A", LocalDate.of(2021, 1, 1))).isEqualTo("03C");
		assertThat(directory.successorsOn(LocalDate.of(2021, 1, 1))).containsEntry("02B", "03C");
	}

	@Test
	void aSuccRowThatCannotBeMeantRejectsTheWholeFile() {
		String file = "\"00C\",\"16C\",\"\",\"20200401\",\"0\"\n" + "\"00C\",\"16C\",\"\",\"20200401\",\"0\"\n"
				+ "\"00D\",\"00D\",\"\",\"20200401\",\"0\"\n" + "\"00E\",\"16C\",\"\",\"\",\"0\"\n";

		assertThatThrownBy(() -> imports.importFile("succ", "succ.csv", stream(file)))
			.isInstanceOfSatisfying(ImportRejectedException.class, ex -> assertThat(ex.report().errors())
				.extracting(RowMessage::row)
				.containsExactly(2, 3, 4));
		assertThat(jdbc.sql("select count(*) from directory_succession").query(Long.class).single()).isZero();
	}

	@Test
	void theLookupAcceptsHeaderVariantsAndRefusesAFileWithoutItsHeader() {
		ImportReport report = imports.importFile("ccg-icb", "lookup.csv",
				stream("Sub ICB Location Code,icb_code,ICB Name\n00L,QHM,NHS North East and North Cumbria ICB\n\n"));
		assertThat(report.created()).as("the ICB and the placeholder sub-ICB location").isEqualTo(2);

		assertThatThrownBy(() -> imports.importFile("ccg-icb", "lookup.csv", stream("00L,QHM,NHS NENC ICB\n")))
			.isInstanceOfSatisfying(ImportRejectedException.class, ex -> assertThat(ex.report().errors())
				.extracting(RowMessage::message)
				.singleElement()
				.satisfies(message -> assertThat(message).contains("header")));
		assertThatThrownBy(() -> imports.importFile("ccg-icb", "lookup.csv",
				stream("CCG Code,ICB Code,ICB NAME\n00L,QHM,NHS NENC ICB\n00L,QHM,NHS NENC ICB\n")))
			.isInstanceOf(ImportRejectedException.class);
	}

	@Test
	void aPracticeIsNotACommissioner() {
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", sampleBytes("epraccur-excerpt.csv"));

		assertThatThrownBy(() -> imports.importFile("epcmem", "epcmem.csv",
				stream("\"A81001\",\"A81002\",\"W\",\"20130401\",\"\",\"0\"\n")))
			.isInstanceOfSatisfying(ImportRejectedException.class, ex -> assertThat(ex.report().errors())
				.extracting(RowMessage::message)
				.containsExactly("commissioner A81002 is a GP practice in the directory, not a Clinical commissioning group"));
	}

	@Test
	void anAreaTeamsFileNamesUnknownRegionsAsPlaceholders() {
		ImportReport report = imports.importOds(OdsFile.AREA_TEAMS, "area-teams.csv",
				stream(odsRow("Q74", "DURHAM, DARLINGTON AND TEES", "Y54", "", "", "", "", "", "", "", "20130401")));

		assertThat(report.warnings()).extracting(RowMessage::message)
			.anySatisfy(message -> assertThat(message).contains("region Y54").contains("placeholder"));
		assertThat(directory.get("Y54").type()).isEqualTo(OrganisationType.REGION);
	}

	@Test
	void aCcgUnderAnAreaTeamIn2013MovesToItsIcbOn1July2022() {
		String ccg2013 = "\uFEFF" + odsRow("00L", "NHS NORTHUMBERLAND CCG", "Y54", "Q74", "", "", "", "", "", "",
				"20130401").replace("\n", "\r\n") + "\r\n\r\n";
		ImportReport report = imports.importFile("eccg", "eccg-2013.csv", stream(ccg2013));
		assertThat(report.warnings()).extracting(RowMessage::message)
			.anySatisfy(message -> assertThat(message).startsWith("area team Q74"));

		imports.importFile("eccg", "eccg.csv", sampleBytes("eccg-excerpt.csv"));

		assertThat(directory.parentChain("00L", LocalDate.of(2014, 4, 1))).extracting(OrganisationRef::code)
			.containsExactly("Q74");
		assertThat(directory.parentChain("00L", LocalDate.of(2022, 6, 30))).extracting(OrganisationRef::code)
			.containsExactly("Q74");
		assertThat(directory.parentChain("00L", LocalDate.of(2022, 7, 1))).extracting(OrganisationRef::code)
			.containsExactly("QHM", "Y63");
		assertThat(directory.get("Q74").type()).isEqualTo(OrganisationType.AREA_TEAM);
	}

	@Test
	void aByteOrderMarkIsNotPartOfTheFirstCodeOrHeader() {
		// FastCSV skipped a byte-order mark only when it opened the stream itself: the first ODS code was refused.
		ImportReport practices = imports.importOds(OdsFile.EPRACCUR, "epraccur.csv",
				stream("\uFEFF" + DirectoryTestData.practice("A81001", "THE DENSHAM SURGERY", "00K", "20130401")));
		ImportReport patients = imports.importRegisteredPatients("patients.csv", stream("\uFEFF"
				+ DirectoryTestData.PATIENTS_HEADER + DirectoryTestData.patients("01JAN2021", "00K", "A81001", "ALL", "ALL", 4111)));

		assertThat(practices.created()).isEqualTo(1);
		assertThat(patients.errors()).isEmpty();
		assertThat(directory.get("A81001").currentListSize()).isEqualTo(4111);
	}

	@Test
	void registeredPatientsFromOctober2022NameSubIcbLocations() {
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv",
				stream(DirectoryTestData.practice("A81001", "THE DENSHAM SURGERY", "16C", "20200401")));

		ImportReport report = imports.importRegisteredPatients("gp-reg-pat-prac-all.csv", stream(
				"PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,"
						+ "NUMBER_OF_PATIENTS\r\nGP_PRAC_PAT_LIST,01OCT2022,GP,16C,E38000247,A81001,TS18 1HU,ALL,ALL,4200\r\n"));

		assertThat(report.errors()).isEmpty();
		assertThat(report.warnings()).isEmpty();
		assertThat(directory.get("A81001").currentListSize()).isEqualTo(4200);
	}

	@Test
	void subIcbLocationsAndIcbsAreListedByType() {
		imports.importFile("eccg", "eccg.csv", sampleBytes("eccg-excerpt.csv"));

		assertThat(directory.list(OrganisationType.SUB_ICB_LOCATION, null, null, Directory.ListSort.CODE, false, 0, 50)
			.items()).extracting(OrganisationSummary::code)
			.containsExactly("00L", "00N", "00P", "00Q", "00R", "00T", "00V", "00X", "00Y", "01A", "01D", "01E");
		assertThat(directory.list(OrganisationType.ICB, null, null, Directory.ListSort.CODE, false, 0, 50).items())
			.extracting(OrganisationSummary::code)
			.containsExactly("QE1", "QHM", "QOP");
		assertThat(directory.list(OrganisationType.CCG, null, null, Directory.ListSort.CODE, false, 0, 50).total())
			.as("the CCG level: closed CCGs and today's sub-ICB locations").isEqualTo(20);
		assertThat(directory.summary().ccgs()).as("open today").isEqualTo(12);
	}

	/** What the audit trail kept after the latest entry with this action on this organisation. */
	private String stored(String action, String code) {
		return jdbc.sql("select after_state::text from audit_event where action = ? and entity_id = ? order by id desc"
				+ " limit 1").params(action, code).query(String.class).single();
	}
}
