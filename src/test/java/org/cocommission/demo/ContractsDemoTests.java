package org.cocommission.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.contracts.CaseKind;
import org.cocommission.contracts.CaseStatus;
import org.cocommission.contracts.ContractCase;
import org.cocommission.contracts.ContractCases;
import org.cocommission.contracts.ContractDecision;
import org.cocommission.contracts.ContractRegister;
import org.cocommission.contracts.ContractType;
import org.cocommission.contracts.PaymentLevel;
import org.cocommission.contracts.Payments;
import org.cocommission.contracts.PaymentsSummary;
import org.cocommission.contracts.RegisterFilter;
import org.cocommission.directory.Directory;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceViews.ItemView;
import org.cocommission.governance.GovernanceViews.MeetingView;
import org.cocommission.governance.ItemStatus;
import org.cocommission.governance.MemberRole;
import org.cocommission.identity.ActingAs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The same small demo start-up as DemoDataLoaderTests (one shared context): contracts and three years of payments. */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class ContractsDemoTests {

	private final Payments payments;

	private final ContractRegister register;

	@Autowired
	ContractCases cases;

	@Autowired
	ContractsDemoTests(Payments payments, ContractRegister register) {
		this.payments = payments;
		this.register = register;
	}

	@Test
	void everyDemoPracticeHasAContractInTheNationalMixAndThreeYearsOfPayments() {
		assertThat(payments.years()).containsExactlyElementsOf(ContractsDemo.YEARS);
		PaymentsSummary first = payments.summary(ContractsDemo.YEARS.get(0));
		long practices = first.practices();
		assertThat(practices).isPositive();
		assertThat(first.byType()).containsEntry("APMS", Math.round(practices * 289.0 / 7959))
			.containsEntry("PMS", Math.round(practices * 3190.0 / 7959));
		assertThat(first.byType().get("GMS")).isEqualTo(practices - first.byType().get("APMS") - first.byType().get("PMS"));

		var englandByType = payments.rows(ContractsDemo.YEARS.get(0), PaymentLevel.ENGLAND, true);
		var gms = englandByType.stream().filter(row -> row.contractType().equals("GMS")).findFirst().orElseThrow();
		var pms = englandByType.stream().filter(row -> row.contractType().equals("PMS")).findFirst().orElseThrow();
		assertThat(pms.perWeightedPatient().subtract(gms.perWeightedPatient()).doubleValue()).isBetween(5.0, 25.0);

		ActingAs.system(() -> {
			assertThat(register.search(RegisterFilter.all(), 0, 10).total()).isEqualTo(practices);
			var apms = register.search(new RegisterFilter(ContractType.APMS, null, null, null), 0, 500).items();
			assertThat(apms).isNotEmpty().allSatisfy(contract -> assertThat(contract.endDate()).isNotNull());
			var withParties = register.get(apms.get(0).practiceCode());
			assertThat(withParties.parties()).isNotEmpty();
			assertThat(withParties.history()).hasSizeGreaterThanOrEqualTo(2);
			assertThat(cases.open()).extracting(ContractCase::kind)
				.contains(CaseKind.LIST_CLOSURE, CaseKind.VARIATION, CaseKind.REMEDIAL_NOTICE, CaseKind.BREACH_NOTICE,
						CaseKind.TERMINATION, CaseKind.APMS_EXPIRY, CaseKind.MERGER);
			assertThat(cases.open()).extracting(ContractCase::status)
				.contains(CaseStatus.RECEIVED, CaseStatus.ACKNOWLEDGED);
			assertThat(cases.decisions(50)).extracting(ContractDecision::outcome)
				.contains(CaseStatus.APPROVED, CaseStatus.REFUSED);
			assertThat(cases.decisions(50)).anySatisfy(decision -> {
				assertThat(decision.kind()).isEqualTo(CaseKind.MERGER);
				assertThat(decision.decidedBy()).startsWith("NHS England area team");
			});
		});
	}

	@Test
	void aDelegatedCcgsCommitteeDecidedAClosureAndAMergerWithItsConflictedGpExcluded(@Autowired Governance governance,
			@Autowired Directory directory) {
		ActingAs.system(() -> {
			List<ContractDecision> byCommittee = cases.decisions(100)
				.stream()
				.filter(decision -> decision.decidedBy().startsWith("Primary care commissioning committee"))
				.toList();
			assertThat(byCommittee).extracting(ContractDecision::kind)
				.contains(CaseKind.MERGER, CaseKind.LIST_CLOSURE);
			for (ContractDecision decision : byCommittee) {
				ContractCase decided = cases.get(decision.caseId());
				MeetingView meeting = governance.meeting(decided.meetingId());
				ItemView item = meeting.items().stream().filter(i -> i.id() == decided.itemId()).findFirst().orElseThrow();
				// a GP member, partner of the practice, conflicted and left out of the vote; the rest still quorate
				assertThat(item.conflicts()).anySatisfy(conflict -> {
					assertThat(conflict.role()).isEqualTo(MemberRole.GP_MEMBER);
					assertThat(item.votes()).noneMatch(vote -> vote.personId() == conflict.personId());
				});
				assertThat(item.quorum().quorate()).isTrue();
				assertThat(item.status()).isEqualTo(ItemStatus.APPROVED);
				assertThat(meeting.minutesPublished()).isTrue();
				// in the governance decisions register with the declaration and its handling
				assertThat(governance.decisions(meeting.ccgCode(), false)).anySatisfy(row -> {
					assertThat(row.itemId()).isEqualTo(item.id());
					assertThat(row.conflicts()).contains("left for the item");
				});
				if (decided.kind() == CaseKind.MERGER) {
					assertThat(directory.successors(decided.otherPracticeCode()))
						.anySatisfy(successor -> assertThat(successor.code()).isEqualTo(decided.practiceCode()));
				}
			}
			assertThat(cases.open()).extracting(ContractCase::status).contains(CaseStatus.ON_AGENDA);
		});
	}
}
