package org.cocommission.cocommissioning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.cocommission.cocommissioning.national.NationalView;
import org.cocommission.demo.CoCommissioningDemo;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.cocommissioning.CoCommissioningTestData.as;

/**
 * The same small demo start-up as DemoDataLoaderTests (one shared context): the completed 2015/16 round in the real
 * proportions, live from 1 April 2015, and an open round with applications moving through the workflow.
 */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class CoCommissioningDemoTests {

	private final Rounds rounds;

	private final Applications applications;

	private final NationalView national;

	private final CommissioningLevels levels;

	private final CoCommissioningDemo demo;

	private final UserDetailsService users;

	private final Directory directory;

	@Autowired
	CoCommissioningDemoTests(Rounds rounds, Applications applications, NationalView national, CommissioningLevels levels,
			CoCommissioningDemo demo, UserDetailsService users, Directory directory) {
		this.directory = directory;
		this.rounds = rounds;
		this.applications = applications;
		this.national = national;
		this.levels = levels;
		this.demo = demo;
		this.users = users;
	}

	@Test
	void loadsACompletedRoundInTheRealProportionsAndAnOpenRoundMovingThroughTheWorkflow() {
		List<Round> all = rounds.rounds();
		assertThat(all).extracting(Round::name)
			.containsExactlyInAnyOrder("Primary care co-commissioning 2015/16", "Co-commissioning demonstration round (synthetic)");
		Round completed = all.stream().filter(r -> r.name().endsWith("2015/16")).findFirst().orElseThrow();
		// Over the CCGs of 1 April 2015: the demo's CCG formed by a merger in 2018 was not in that round.
		LocalDate goLive = LocalDate.of(2015, 4, 1);
		List<String> ccgsThen = directory.list(OrganisationType.CCG, null, null, Directory.ListSort.CODE, false, 0, 1000)
			.items()
			.stream()
			.filter(ccg -> !ccg.openDate().isAfter(goLive) && (ccg.closeDate() == null || ccg.closeDate().isAfter(goLive)))
			.map(OrganisationSummary::code)
			.toList();
		Map<CommissioningLevel, Long> byLevel = ccgsThen.stream()
			.collect(Collectors.groupingBy(ccg -> levels.levelOn(ccg, goLive), Collectors.counting()));
		int ccgs = ccgsThen.size();
		assertThat(ccgs).isEqualTo(11);
		assertThat(byLevel.get(CommissioningLevel.DELEGATED)).isEqualTo(Math.round(63.0 * ccgs / 211));
		assertThat(byLevel.get(CommissioningLevel.JOINT)).isEqualTo(Math.round(86.0 * ccgs / 211));
		NationalView.Overview overview = as(users, "national", () -> national.overview(completed.id()));
		// The round's overview lists the CCGs of its own go-live date, not today's (issue 15: it showed the CCG the
		// 2018 merger formed and left out the three it replaced).
		assertThat(overview.ccgsOn()).isEqualTo(goLive);
		assertThat(overview.ccgs()).extracting(NationalView.CcgRow::ccgCode).containsExactlyInAnyOrderElementsOf(ccgsThen);
		String delegated = overview.ccgs().stream()
			.filter(row -> row.level() == CommissioningLevel.DELEGATED)
			.findFirst()
			.orElseThrow()
			.ccgCode();
		assertThat(levels.levelOn(delegated, LocalDate.of(2015, 3, 31))).isEqualTo(CommissioningLevel.GREATER_INVOLVEMENT);
		assertThat(levels.levelOn(delegated, LocalDate.of(2015, 4, 1))).isEqualTo(CommissioningLevel.DELEGATED);

		Map<ApplicationStatus, Long> open = as(users, "national", () -> applications.visible()).stream()
			.filter(a -> !a.roundName().endsWith("2015/16"))
			.collect(Collectors.groupingBy(ApplicationSummary::status, Collectors.counting()));
		assertThat(open).containsKeys(ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED);
		assertThat(open.values()).allMatch(count -> count == 1);
		assertThat(demo.loadUnlessPresent()).as("loads once").isFalse();
	}
}
