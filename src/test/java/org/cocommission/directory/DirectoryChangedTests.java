package org.cocommission.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cocommission.directory.DirectoryTestData.PATIENTS_HEADER;
import static org.cocommission.directory.DirectoryTestData.areaTeam;
import static org.cocommission.directory.DirectoryTestData.ccg;
import static org.cocommission.directory.DirectoryTestData.patients;
import static org.cocommission.directory.DirectoryTestData.practice;
import static org.cocommission.directory.DirectoryTestData.region;
import static org.cocommission.directory.DirectoryTestData.stream;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The directory module on its own (with what it depends on): imports announce what they changed, and only that. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@RecordApplicationEvents
class DirectoryChangedTests {

	@Autowired
	DirectoryImports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@BeforeEach
	void directoryWithOnePractice() {
		DirectoryTestData.emptyDirectory(jdbc);
		imports.importOds(OdsFile.REGIONS, "regions.csv", stream(region("Y01", "NORTH")));
		imports.importOds(OdsFile.AREA_TEAMS, "area-teams.csv", stream(areaTeam("Q01", "TEES", "Y01")));
		imports.importOds(OdsFile.ECCG, "eccg.csv", stream(ccg("00L", "NHS NORTHUMBERLAND CCG", "Y01", "Q01")));
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(practice("B82001", "PRACTICE", "00L", "20130401")));
	}

	/** Codes go to the database as one array: 40,000 of them once overflowed PostgreSQL's 32,767 bind parameters. */
	@Test
	void refsLooksUpMoreCodesThanABindParameterListHolds(@Autowired Directory directory) {
		List<String> codes = new java.util.ArrayList<>(
				java.util.stream.IntStream.range(0, 40_000).mapToObj(i -> "ZZ" + i).toList());
		codes.add("B82001");
		codes.add("00L");

		var refs = directory.refs(codes);

		assertThat(refs).containsOnlyKeys("B82001", "00L");
		assertThat(refs.get("B82001").type()).isEqualTo(OrganisationType.GP_PRACTICE);
		assertThat(directory.refs(List.of())).isEmpty();
	}

	@Test
	void anOdsImportThatChangesOrganisationsIsAnnounced() {
		assertThat(events.stream(DirectoryChanged.class).map(DirectoryChanged::kind))
			.containsExactly("regions", "area-teams", "eccg", "epraccur");
		DirectoryChanged practices = events.stream(DirectoryChanged.class).toList().get(3);
		assertThat(practices.created()).isEqualTo(1);
		assertThat(practices.registeredPatients()).isFalse();
		assertThat(practices.extractDates()).isEmpty();
	}

	@Test
	void registeredPatientsNameTheExtractsWhoseFiguresChanged() {
		events.clear();
		imports.importRegisteredPatients("patients.csv", stream(PATIENTS_HEADER
				+ patients("01JAN2014", "00L", "B82001", "ALL", "ALL", 100)
				+ patients("01APR2014", "00L", "B82001", "ALL", "ALL", 110)));
		imports.importRegisteredPatients("patients.csv", stream(PATIENTS_HEADER
				+ patients("01JAN2014", "00L", "B82001", "ALL", "ALL", 100)
				+ patients("01APR2014", "00L", "B82001", "ALL", "ALL", 120)));

		List<DirectoryChanged> changes = events.stream(DirectoryChanged.class).toList();
		assertThat(changes).hasSize(2);
		assertThat(changes.get(0)).isEqualTo(new DirectoryChanged(DirectoryChanged.REGISTERED_PATIENTS, 2, 0, 0,
				List.of(LocalDate.of(2014, 1, 1), LocalDate.of(2014, 4, 1))));
		assertThat(changes.get(1)).isEqualTo(new DirectoryChanged(DirectoryChanged.REGISTERED_PATIENTS, 0, 1, 1,
				List.of(LocalDate.of(2014, 4, 1))));
	}

	@Test
	void anImportThatChangesNothingOrIsRejectedIsNotAnnounced() {
		events.clear();
		imports.importOds(OdsFile.EPRACCUR, "epraccur.csv", stream(practice("B82001", "PRACTICE", "00L", "20130401")));
		assertThatThrownBy(() -> imports.importOds(OdsFile.EPRACCUR, "epraccur.csv",
				stream(practice("B82002", "BAD", "00L", "not a date")))).isInstanceOf(ImportRejectedException.class);

		assertThat(events.stream(DirectoryChanged.class)).isEmpty();
	}

	@Test
	void membershipsSuccessorsAndTheIcbLookupAreAnnouncedWhenTheyChangeSomething() {
		events.clear();
		imports.importMemberships("epcmem.csv", stream("\"B82001\",\"00L\",\"W\",\"20130401\",\"20220630\",\"0\"\n"));
		imports.importSuccessions("succ.csv", stream("\"00L\",\"01X\",\"\",\"20200401\",\"0\"\n"));
		imports.importIcbLookup("ccg-icb.csv", stream("CCG Code,ICB Code,ICB NAME\n00L,QHM,NHS NENC ICB\n"));
		imports.importSuccessions("succ.csv", stream("\"00L\",\"01X\",\"\",\"20200401\",\"0\"\n"));

		assertThat(events.stream(DirectoryChanged.class).map(DirectoryChanged::kind))
			.containsExactly("epcmem", "succ", "ccg-icb");
	}
}
