package org.cocommission.governance;

import org.junit.jupiter.api.Test;

import org.cocommission.demo.GovernanceDemo;
import org.cocommission.identity.Duty;
import org.cocommission.identity.UserDuties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The governance demo at a small scale, as start-up loads it (same configuration as the foundation's demo test). */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class GovernanceDemoTests {

	private final Governance governance;

	private final GovernanceDemo demo;

	private final UserDuties duties;

	private final JdbcClient jdbc;

	@Autowired
	GovernanceDemoTests(Governance governance, GovernanceDemo demo, UserDuties duties, JdbcClient jdbc) {
		this.governance = governance;
		this.demo = demo;
		this.duties = duties;
		this.jdbc = jdbc;
	}

	@Test
	void everyCcgHasCommitteesDeclarationsOverdueFlagsAndPastMeetingsWithManagedConflicts() {
		String ccg = jdbc.sql("select ccg_code from governance_person order by ccg_code limit 1").query(String.class).single();

		assertThat(governance.committees(ccg)).extracting(GovernanceViews.CommitteeView::kind)
			.containsExactlyInAnyOrder(CommitteeKind.GOVERNING_BODY, CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE);
		assertThat(governance.register(ccg).overdue()).isPositive();
		assertThat(governance.register(ccg).declarations()).anyMatch(d -> d.description().startsWith("GP partner at"));
		var compliance = governance.compliance(null);
		assertThat(compliance).isNotEmpty();
		assertThat(compliance).allMatch(row -> row.meetingsWithUnmanagedConflicts() == 0);
		// Two decisions of the governance demo's own in every CCG; the contracts demo adds its delegated committee's.
		assertThat(compliance).allMatch(row -> row.decisions() >= 2 && row.quorateDecisions() == row.decisions());
		assertThat(governance.decisions(ccg, true)).singleElement()
			.satisfies(row -> assertThat(row.conflicts()).contains("left for the item"));
		assertThat(governance.decisions(ccg, false)).anySatisfy(row -> assertThat(row.conflicts())
			.contains("left for the item").contains("stayed, did not vote"));
		assertThat(duties.dutiesOf("ccg-" + ccg.toLowerCase(), ccg)).contains(Duty.GOVERNANCE_LEAD);
		assertThat(demo.loadUnlessPresent()).isFalse();
	}
}
