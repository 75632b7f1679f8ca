package org.cocommission.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.cocommission.directory.Coverage;
import org.cocommission.directory.Directory;
import org.cocommission.directory.NationalSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.Succession;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;

/** Starts the application with the demo switched on, at a small scale, so that start-up loads it through the importers. */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class DemoDataLoaderTests {

	private static final DemoDataset SMALL = DemoDataset.generate(0.05);

	private final Directory directory;

	private final UserAccounts accounts;

	private final DemoDataLoader loader;

	private final JdbcClient jdbc;

	private final org.cocommission.identity.OrganisationHierarchy hierarchy;

	@Autowired
	DemoDataLoaderTests(Directory directory, UserAccounts accounts, DemoDataLoader loader, JdbcClient jdbc,
			org.cocommission.identity.OrganisationHierarchy hierarchy) {
		this.hierarchy = hierarchy;
		this.directory = directory;
		this.accounts = accounts;
		this.loader = loader;
		this.jdbc = jdbc;
	}

	@Test
	void loadsTheDemoDatasetAtStartUpAndLabelsItSynthetic() {
		NationalSummary summary = directory.summary();

		assertThat(directory.isSynthetic()).isTrue();
		assertThat(summary.synthetic()).isTrue();
		assertThat(summary.regions()).isEqualTo(4);
		assertThat(summary.areaTeams()).isEqualTo(SMALL.organisations(OrganisationType.AREA_TEAM).size());
		assertThat(summary.ccgs()).isEqualTo(SMALL.organisations(OrganisationType.CCG).stream().filter(ccg -> "A".equals(ccg.status())).count());
		assertThat(summary.csus()).isEqualTo(SMALL.organisations(OrganisationType.CSU).size());
		assertThat(summary.openPractices()).isEqualTo(SMALL.openPractices().size());
		assertThat(summary.registeredPatients()).isEqualTo(SMALL.patients());
		assertThat(summary.latestExtract()).isEqualTo(LocalDate.of(2014, 1, 1));
		assertThat(directory.extractDates()).hasSize(4);
	}

	@Test
	void coversTheWholeCountryWithCcgs() {
		Coverage coverage = directory.coverage(LocalDate.now());

		assertThat(coverage.practicesOpen()).isEqualTo(SMALL.openPractices().size());
		assertThat(coverage.practicesWithoutCcg()).isEmpty();
		assertThat(coverage.practicesInSeveralCcgs()).isEmpty();
		assertThat(coverage.ccgsWithoutAreaTeam()).isEmpty();
		assertThat(coverage.ccgsInSeveralAreaTeams()).isEmpty();
		assertThat(coverage.populationCoveredPercent()).isEqualByComparingTo(new BigDecimal("100.00"));
		assertThat(coverage.complete()).isTrue();
	}

	/** Issues 16 and 19: the demo has a CCG created by a merger, loaded through the importers of eccg, epcmem and succ. */
	@Test
	void hasACcgCreatedByAMergerWhosePracticesMovedThatDay() {
		DemoMerger merger = SMALL.mergers().get(0);
		String predecessor = merger.predecessors().get(0);
		String practice = SMALL.openPractices().stream()
			.filter(candidate -> candidate.parentCode().equals(predecessor))
			.findFirst()
			.orElseThrow()
			.code();

		assertThat(directory.coverage(LocalDate.of(2013, 4, 1)).ccgs()).isEqualTo(11);
		assertThat(directory.coverage(LocalDate.of(2018, 3, 31)).ccgs()).isEqualTo(11);
		assertThat(directory.coverage(LocalDate.of(2018, 4, 1)).ccgs()).isEqualTo(9);
		assertThat(directory.coverage(LocalDate.of(2018, 4, 1)).complete()).isTrue();
		assertThat(directory.commissionerOn(practice, LocalDate.of(2018, 3, 31))).contains(predecessor);
		assertThat(directory.commissionerOn(practice, LocalDate.of(2018, 4, 1))).contains("15X");
		assertThat(directory.predecessors("15X")).extracting(Succession::code)
			.containsExactlyInAnyOrderElementsOf(merger.predecessors());
		assertThat(directory.successors(predecessor)).singleElement()
			.satisfies(successor -> assertThat(successor.name()).isEqualTo("NHS COVENTRY AND WARWICKSHIRE CCG"))
			.extracting(Succession::effectiveDate)
			.isEqualTo(LocalDate.of(2018, 4, 1));
		assertThat(directory.get(predecessor).closeDate()).isEqualTo(LocalDate.of(2018, 3, 31));
		assertThat(accounts.find("ccg-15x")).get().extracting(UserView::role).isEqualTo(Role.CCG);
		// The closed CCG is seen as on its last day: its area team keeps sight of its records; no other body gains it.
		LocalDate today = LocalDate.now();
		assertThat(hierarchy.isWithin(predecessor, merger.areaTeam(), today)).isTrue();
		assertThat(hierarchy.isWithin(practice, merger.areaTeam(), today)).isTrue();
		assertThat(hierarchy.isWithin(predecessor, "15X", today)).isFalse();
		String otherTeam = SMALL.organisations(OrganisationType.AREA_TEAM).stream()
			.map(DemoOrganisation::code)
			.filter(code -> !code.equals(merger.areaTeam()))
			.findFirst()
			.orElseThrow();
		assertThat(hierarchy.isWithin(predecessor, otherTeam, today)).isFalse();
	}

	@Test
	void opensADemoAccountForEveryCommissionerAndPractice() {
		DemoOrganisation ccg = SMALL.organisations(OrganisationType.CCG).get(0);
		DemoOrganisation practice = SMALL.openPractices().get(0);
		DemoOrganisation team = SMALL.organisations(OrganisationType.AREA_TEAM).get(0);

		assertThat(accounts.find("national")).get().extracting(UserView::role).isEqualTo(Role.NATIONAL);
		assertThat(accounts.find("area-" + team.code().toLowerCase())).get().extracting(UserView::role)
			.isEqualTo(Role.AREA_TEAM);
		assertThat(accounts.find("ccg-" + ccg.code().toLowerCase())).get().extracting(UserView::role).isEqualTo(Role.CCG);
		assertThat(accounts.find("practice-" + practice.code().toLowerCase())).get().extracting(UserView::role)
			.isEqualTo(Role.PRACTICE);
		assertThat(jdbc.sql("select count(*) from identity_user_account where demo").query(Long.class).single())
			.isEqualTo(SMALL.demoAccounts().size());
	}

	@Test
	void recordsTheDirectoryLoadAsTheSystem() {
		assertThat(jdbc.sql("select distinct actor from audit_event where entity_type in ('ORGANISATION', 'REGISTERED_LIST', 'DIRECTORY_IMPORT', 'DIRECTORY', 'USER_ACCOUNT')")
			.query(String.class)
			.list()).containsExactly("system");
		assertThat(jdbc.sql("select distinct imported_by from directory_import").query(String.class).list())
			.containsExactly("system");
	}

	@Test
	void doesNotLoadAgainOnceTheDirectoryHasDemoData() {
		long imports = jdbc.sql("select count(*) from directory_import").query(Long.class).single();

		assertThat(loader.loadUnlessPresent()).isFalse();
		assertThat(jdbc.sql("select count(*) from directory_import").query(Long.class).single()).isEqualTo(imports);
	}
}
