package org.cocommission.commissioningsupport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests;
import org.cocommission.governance.InterestCategory;
import org.cocommission.governance.MemberRole;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.platform.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The commissioning support module with the directory and identity, on the embedded PostgreSQL: a CCG records how it
 * gets each service, within its scope, and NHS England sees each provider's share of what is bought.
 */
// The platform module (the embedded PostgreSQL) is open: named, as no type of it is a bean others use.
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
class CommissioningSupportModuleTests {

	private static final String PASSWORD = "support-module-password";

	@Autowired
	CommissioningSupport support;

	@Autowired
	CallOffs callOffs;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Governance governance;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	/** Area team CSQ with CCGs CSC1, CSC2 and CSC3, and the commissioning support unit 0CS. */
	@BeforeEach
	void directoryAndUsers() {
		organisation("CSQ", "AREA_TEAM", "Support area team");
		organisation("0CS", "CSU", "Example Commissioning Support Unit");
		for (String ccg : new String[] { "CSC1", "CSC2", "CSC3" }) {
			organisation(ccg, "CCG", "NHS " + ccg + " CCG");
			jdbc.sql("insert into directory_relationship (child_code, parent_code, valid_from) select ?, 'CSQ', ?"
					+ " where not exists (select 1 from directory_relationship where child_code = ?)")
				.params(ccg, LocalDate.of(2013, 4, 1), ccg)
				.update();
		}
		open("cs-national", Role.NATIONAL, "X24");
		open("cs-ccg1", Role.CCG, "CSC1");
		open("cs-ccg2", Role.CCG, "CSC2");
	}

	@Test
	void aCcgRunsACallOffScoresThreeBidsWithoutItsConflictedEvaluatorAndAwardsIt() {
		open("cs-ccg3", Role.CCG, "CSC3");
		String second = as("cs-national", () -> support.addProvider("Second Analytics Ltd")).code();
		String third = as("cs-national", () -> support.addProvider("Third Insight LLP")).code();
		CallOff started = as("cs-ccg3", () -> callOffs.start("CSC3", new CallOffForms.Start("BUSINESS_INTELLIGENCE",
				"Business intelligence 2016-19", "Monthly dashboards and ad hoc analysis", 60, 30, 10)));
		long id = started.id();
		as("cs-ccg3", () -> callOffs.addBid(id, new CallOffForms.Bid("0CS", new BigDecimal("100000"), null)));
		as("cs-ccg3", () -> callOffs.addBid(id, new CallOffForms.Bid(second, new BigDecimal("90000"), null)));
		as("cs-ccg3", () -> callOffs.addBid(id, new CallOffForms.Bid(third, new BigDecimal("80000"), null)));
		as("cs-ccg3", () -> callOffs.addEvaluator(id, new CallOffForms.Evaluator("Ann Evans", null)));
		as("cs-ccg3", () -> callOffs.addEvaluator(id, new CallOffForms.Evaluator("Bob Hughes", "")));
		as("cs-ccg3", () -> callOffs.addEvaluator(id, new CallOffForms.Evaluator("Cat Jones", "Partner works for 0CS")));
		int[][] ann = { { 4, 4, 4 }, { 3, 5, 3 }, { 2, 5, 2 } };
		int[][] bob = { { 5, 3, 4 }, { 3, 5, 3 } };
		List<String> bidders = List.of("0CS", second, third);
		for (int bid = 0; bid < 3; bid++) {
			for (int criterion = 1; criterion <= 3; criterion++) {
				score(id, "Ann Evans", bidders.get(bid), criterion, ann[bid][criterion - 1]);
				if (bid < 2) {
					score(id, "Bob Hughes", bidders.get(bid), criterion, bob[bid][criterion - 1]);
				}
			}
		}
		assertThatThrownBy(() -> score(id, "Cat Jones", "0CS", 1, 5)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("excluded from scoring");

		// 0CS: moderated 4.5, 3.5, 4: 60 × 4.5 / 5 + 30 × 3.5 / 5 + 10 × 4 / 5 = 83.
		assertThat(as("cs-ccg3", () -> callOffs.get(id)).evaluation())
			.extracting(CallOff.Evaluation::providerCode, e -> e.weightedTotal().toPlainString(),
					CallOff.Evaluation::rank)
			.containsExactly(tuple("0CS", "83.0", 1), tuple(second, "72.0", 2), tuple(third, "58.0", 3));
		assertThatThrownBy(() -> as("cs-ccg1", () -> callOffs.get(id))).isInstanceOf(AccessDeniedException.class);

		CallOff awarded = as("cs-ccg3",
				() -> callOffs.award(id, new CallOffForms.Award("0CS", LocalDate.now().plusYears(3))));

		assertThat(awarded.status()).isEqualTo(CallOffStatus.AWARDED);
		assertThat(awarded.standstillEnds()).isEqualTo(LocalDate.now().plusDays(10));
		assertThat(as("cs-national", () -> support.allArrangements()))
			.filteredOn(a -> a.ccgCode().equals("CSC3") && a.service().code().equals("BUSINESS_INTELLIGENCE"))
			.extracting(Arrangement::mode, a -> a.provider().code(), a -> a.annualValue().pence())
			.containsExactly(tuple(ArrangementMode.BUY, "0CS", 10_000_000L));
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'CS_CALL_OFF' and entity_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1 + 3 + 3 + 15 + 1);
		// What the audit trail keeps of each step, field by field (the records beside CallOffs).
		assertThat(audited(id, "CALL_OFF_STARTED", "CALL_OFF_BID_RECEIVED", "CALL_OFF_EVALUATOR_ADDED",
				"CALL_OFF_CONFLICTED_EVALUATOR_EXCLUDED", "CALL_OFF_AWARDED")).containsExactly(
					"CALL_OFF_STARTED {\"title\": \"Business intelligence 2016-19\", \"service\": \"BUSINESS_INTELLIGENCE\","
							+ " \"weights\": [60, 30, 10]}",
					"CALL_OFF_BID_RECEIVED {\"provider\": \"0CS\", \"annualValue\": 100000.00}",
					"CALL_OFF_BID_RECEIVED {\"provider\": \"" + second + "\", \"annualValue\": 90000.00}",
					"CALL_OFF_BID_RECEIVED {\"provider\": \"" + third + "\", \"annualValue\": 80000.00}",
					"CALL_OFF_EVALUATOR_ADDED {\"conflict\": \"None declared or registered\", \"evaluator\": \"Ann Evans\"}",
					"CALL_OFF_EVALUATOR_ADDED {\"conflict\": \"None declared or registered\", \"evaluator\": \"Bob Hughes\"}",
					"CALL_OFF_CONFLICTED_EVALUATOR_EXCLUDED {\"conflict\": \"declared on the call-off: Partner works for 0CS\","
							+ " \"evaluator\": \"Cat Jones\"}",
					"CALL_OFF_AWARDED {\"provider\": \"0CS\", \"annualValue\": 100000.00, \"contractEnd\": \""
							+ LocalDate.now().plusYears(3) + "\", \"weightedTotal\": 83.0, \"standstillEnds\": \""
							+ LocalDate.now().plusDays(10) + "\"}");
		assertThat(audited(id, "CALL_OFF_SCORED")).first().isEqualTo("CALL_OFF_SCORED {\"score\": 4, \"provider\": \"0CS\","
				+ " \"criterion\": \"Quality of the service\", \"evaluator\": \"Ann Evans\"}");
		assertThatThrownBy(() -> as("cs-ccg3", () -> callOffs.addBid(id, new CallOffForms.Bid(second, BigDecimal.ONE,
				null)))).isInstanceOf(IllegalArgumentException.class);
	}

	/**
	 * The "Done when" with the conflict from governance: a CCG runs a call-off for business intelligence
	 * support, its evaluators chosen from its register of people; one has declared (on the register of interests) that
	 * their spouse directs a bidder, so is excluded without saying so on the call-off; one whose interest in another
	 * bidder ended before the evaluation is not. Three bids are scored, the best awarded, and the national view shows
	 * the new arrangement.
	 */
	@Test
	void aCcgRunsACallOffWithAnEvaluatorConflictedOnTheGovernanceRegisterExcludedAndTheNationalViewShowsTheAward() {
		organisation("CSC4", "CCG", "NHS CSC4 CCG");
		open("cs-ccg4", Role.CCG, "CSC4");
		String second = as("cs-national", () -> support.addProvider("Northern Analytics Ltd")).code();
		String third = as("cs-national", () -> support.addProvider("Southern Insight LLP")).code();
		long ann = person("CSC4", "Ann Ellis");
		long bob = person("CSC4", "Bob Hart");
		long dan = person("CSC4", "Dan Price");
		long eve = person("CSC4", "Eve Shah");
		ActingAs.system(() -> governance.declare("CSC4", dan, new GovernanceRequests.NewDeclaration(
				InterestCategory.INDIRECT, "Spouse is a director of the support unit", "0CS", null,
				LocalDate.of(2015, 1, 1), null, null)));
		ActingAs.system(() -> governance.declare("CSC4", eve, new GovernanceRequests.NewDeclaration(
				InterestCategory.FINANCIAL, "Shareholder", null, "Southern Insight LLP", LocalDate.of(2014, 1, 1),
				LocalDate.now().minusMonths(1), null)));
		long id = as("cs-ccg4", () -> callOffs.start("CSC4", new CallOffForms.Start("BUSINESS_INTELLIGENCE",
				"Business intelligence 2016-19", "Monthly dashboards and ad hoc analysis", 60, 30, 10))).id();
		as("cs-ccg4", () -> callOffs.addEvaluator(id, new CallOffForms.Evaluator(null, null, ann)));
		as("cs-ccg4", () -> callOffs.addEvaluator(id, new CallOffForms.Evaluator(null, null, bob)));
		as("cs-ccg4", () -> callOffs.addEvaluator(id, new CallOffForms.Evaluator(null, null, dan)));
		as("cs-ccg4", () -> callOffs.addEvaluator(id, new CallOffForms.Evaluator(null, "", eve)));
		// Dan is added before the support unit bids: its bid excludes him.
		assertThat(as("cs-ccg4", () -> callOffs.get(id)).evaluators()).noneMatch(CallOff.EvaluatorView::conflicted);
		List<String> bidders = List.of("0CS", second, third);
		as("cs-ccg4", () -> callOffs.addBid(id, new CallOffForms.Bid("0CS", new BigDecimal("100000"), null)));
		as("cs-ccg4", () -> callOffs.addBid(id, new CallOffForms.Bid(second, new BigDecimal("90000"), null)));
		as("cs-ccg4", () -> callOffs.addBid(id, new CallOffForms.Bid(third, new BigDecimal("80000"), null)));

		CallOff withBids = as("cs-ccg4", () -> callOffs.get(id));
		assertThat(withBids.evaluators()).extracting(CallOff.EvaluatorView::name, CallOff.EvaluatorView::conflicted)
			.containsExactly(tuple("Ann Ellis", false), tuple("Bob Hart", false), tuple("Dan Price", true),
					tuple("Eve Shah", false));
		assertThat(withBids.evaluators().get(2).exclusion())
			.isEqualTo("the register of interests records indirect interest in Example Commissioning Support Unit"
					+ " (Spouse is a director of the support unit)");
		int[][] annScores = { { 4, 4, 4 }, { 3, 5, 3 }, { 2, 5, 2 } };
		int[][] bobScores = { { 5, 3, 4 }, { 3, 5, 3 } };
		for (int bid = 0; bid < 3; bid++) {
			for (int criterion = 1; criterion <= 3; criterion++) {
				scoreAs("cs-ccg4", id, "Ann Ellis", bidders.get(bid), criterion, annScores[bid][criterion - 1]);
				if (bid < 2) {
					scoreAs("cs-ccg4", id, "Bob Hart", bidders.get(bid), criterion, bobScores[bid][criterion - 1]);
				}
			}
		}
		assertThatThrownBy(() -> scoreAs("cs-ccg4", id, "Dan Price", "0CS", 1, 5))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("register of interests");
		assertThat(as("cs-ccg4", () -> callOffs.get(id)).evaluation())
			.extracting(CallOff.Evaluation::providerCode, e -> e.weightedTotal().toPlainString(),
					CallOff.Evaluation::rank)
			.containsExactly(tuple("0CS", "83.0", 1), tuple(second, "72.0", 2), tuple(third, "58.0", 3));

		as("cs-ccg4", () -> callOffs.award(id, new CallOffForms.Award("0CS", LocalDate.now().plusYears(3))));

		assertThat(as("cs-national", () -> support.allArrangements()))
			.filteredOn(a -> a.ccgCode().equals("CSC4") && a.service().code().equals("BUSINESS_INTELLIGENCE"))
			.extracting(Arrangement::mode, a -> a.provider().code(), a -> a.annualValue().pence())
			.containsExactly(tuple(ArrangementMode.BUY, "0CS", 10_000_000L));
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'CS_CALL_OFF' and entity_id = ?"
				+ " and action = 'CALL_OFF_CONFLICTED_EVALUATOR_EXCLUDED'")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(audited(id, "CALL_OFF_EVALUATOR_ADDED", "CALL_OFF_CONFLICTED_EVALUATOR_EXCLUDED")).containsExactly(
				"CALL_OFF_EVALUATOR_ADDED {\"conflict\": \"None declared or registered\", \"evaluator\": \"Ann Ellis\","
						+ " \"registerPerson\": " + ann + "}",
				"CALL_OFF_EVALUATOR_ADDED {\"conflict\": \"None declared or registered\", \"evaluator\": \"Bob Hart\","
						+ " \"registerPerson\": " + bob + "}",
				"CALL_OFF_EVALUATOR_ADDED {\"conflict\": \"None declared or registered\", \"evaluator\": \"Dan Price\","
						+ " \"registerPerson\": " + dan + "}",
				"CALL_OFF_EVALUATOR_ADDED {\"conflict\": \"None declared or registered\", \"evaluator\": \"Eve Shah\","
						+ " \"registerPerson\": " + eve + "}",
				"CALL_OFF_CONFLICTED_EVALUATOR_EXCLUDED {\"conflict\": \"the register of interests records indirect interest in"
						+ " Example Commissioning Support Unit (Spouse is a director of the support unit)\", \"evaluator\": \"Dan Price\"}");
	}

	/** The call-off's audit entries with one of the actions, oldest first: each as its action and what it recorded. */
	private List<String> audited(long id, String... actions) {
		return jdbc.sql("select action || ' ' || after_state::text from audit_event where entity_type = 'CS_CALL_OFF'"
				+ " and entity_id = ? and action = any(?) order by id")
			.params(String.valueOf(id), actions)
			.query(String.class)
			.list();
	}

	private long person(String ccg, String name) {
		return ActingAs.system(() -> governance.addPerson(ccg, new GovernanceRequests.NewPerson(name,
				MemberRole.EXECUTIVE, true, "Commissioning manager", null, LocalDate.of(2013, 4, 1))));
	}

	private void scoreAs(String user, long id, String evaluator, String provider, int criterion, int score) {
		as(user, () -> callOffs.score(id, new CallOffForms.Score(evaluator, provider, criterion, score)));
	}

	@Test
	void aBidNotScoredOnEveryCriterionCannotBeAwardedAndWeightsMustAddUpTo100() {
		assertThatThrownBy(() -> as("cs-ccg1", () -> callOffs.start("CSC1", new CallOffForms.Start("IT", "IT support",
				"Desktop support", 50, 30, 10)))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("add up to 100");
		long id = as("cs-ccg1", () -> callOffs.start("CSC1", new CallOffForms.Start("IT", "IT support",
				"Desktop support", 50, 40, 10))).id();
		as("cs-ccg1", () -> callOffs.addBid(id, new CallOffForms.Bid("0CS", new BigDecimal("5000"), "Desk")));
		as("cs-ccg1", () -> callOffs.addEvaluator(id, new CallOffForms.Evaluator("Dee", null)));
		as("cs-ccg1", () -> callOffs.score(id, new CallOffForms.Score("Dee", "0CS", 1, 3)));

		assertThatThrownBy(() -> as("cs-ccg1",
				() -> callOffs.award(id, new CallOffForms.Award("0CS", LocalDate.now().plusYears(1)))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not yet scored on every criterion");
	}

	private void score(long id, String evaluator, String provider, int criterion, int score) {
		as("cs-ccg3", () -> callOffs.score(id, new CallOffForms.Score(evaluator, provider, criterion, score)));
	}

	@Test
	void aCcgRecordsWhatItMakesBuysAndSharesAndReadsItInTheCataloguesOrder() {
		as("cs-ccg1", () -> support.record("CSC1", new ArrangementForm("MEDICINES_MANAGEMENT", ArrangementMode.SHARE,
				null, "csc2, CSC3", null, null)));
		as("cs-ccg1", () -> support.record("CSC1", new ArrangementForm("HR", ArrangementMode.MAKE, null, null, null,
				null)));
		as("cs-ccg1", () -> support.record("CSC1", new ArrangementForm("BUSINESS_INTELLIGENCE", ArrangementMode.BUY,
				"0CS", null, new BigDecimal("120000"), LocalDate.of(2017, 3, 31))));

		assertThat(as("cs-ccg1", () -> support.arrangements("CSC1")))
			.extracting(a -> a.service().code(), Arrangement::mode, a -> a.provider() == null ? null : a.provider().code(),
					Arrangement::sharedWith, a -> a.annualValue() == null ? null : a.annualValue().pence())
			.containsExactly(tuple("BUSINESS_INTELLIGENCE", ArrangementMode.BUY, "0CS", java.util.List.of(), 12_000_000L),
					tuple("HR", ArrangementMode.MAKE, null, java.util.List.of(), null),
					tuple("MEDICINES_MANAGEMENT", ArrangementMode.SHARE, null, java.util.List.of("CSC2", "CSC3"), null));
	}

	@Test
	void refusesABuyWithNoProviderAndAShareWithNoKnownCcg() {
		assertThatThrownBy(() -> as("cs-ccg1", () -> support.record("CSC1",
				new ArrangementForm("IT", ArrangementMode.BUY, null, null, null, null))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("providerCode"));
		assertThatThrownBy(() -> as("cs-ccg1", () -> support.record("CSC1",
				new ArrangementForm("IT", ArrangementMode.SHARE, null, "ZZZ9", null, null))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("sharedWith"));
	}

	@Test
	void aCcgRecordsAndReadsOnlyItsOwnAndTheMarketIsNhsEnglands() {
		assertThatThrownBy(() -> as("cs-ccg1", () -> support.record("CSC2",
				new ArrangementForm("HR", ArrangementMode.MAKE, null, null, null, null))))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("cs-ccg1", () -> support.arrangements("CSC3")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("cs-ccg1", support::marketShares)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("cs-ccg1", () -> support.addProvider("Someone")))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void eachProvidersShareIsOfTheValueBoughtAndRecordingAgainReplaces() {
		SupportProvider acme = as("cs-national", () -> support.addProvider("Acme Analytics Ltd"));
		as("cs-ccg1", () -> support.record("CSC1", new ArrangementForm("PROCUREMENT", ArrangementMode.BUY, "0CS", null,
				new BigDecimal("90000"), null)));
		as("cs-ccg2", () -> support.record("CSC2", new ArrangementForm("PROCUREMENT", ArrangementMode.BUY,
				acme.code(), null, new BigDecimal("10000"), null)));
		as("cs-ccg2", () -> support.record("CSC2", new ArrangementForm("PROCUREMENT", ArrangementMode.BUY,
				acme.code(), null, new BigDecimal("30000"), null)));

		assertThat(as("cs-national", support::marketShares))
			.filteredOn(share -> "PROCUREMENT".equals(share.serviceCode()))
			.extracting(share -> share.provider().name(), MarketShare::ccgs, share -> share.sharePercent().toPlainString())
			.containsExactly(tuple("Example Commissioning Support Unit", 1, "75.0"), tuple("Acme Analytics Ltd", 1, "25.0"));
		assertThat(jdbc.sql("select count(*) from cs_arrangement where ccg_code = 'CSC2'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(as("cs-national", support::providers)).extracting(SupportProvider::code).contains("0CS", acme.code());
	}

	@Test
	void recordsManyCcgsArrangementsInOneCallCheckedAsRecordChecksThemAndNoneWhenOneIsRefused() {
		organisation("CSR1", "CCG", "NHS CSR1 CCG");
		organisation("CSR2", "CCG", "NHS CSR2 CCG");
		Map<String, List<ArrangementForm>> forms = new LinkedHashMap<>();
		forms.put("CSR1", List.of(new ArrangementForm("IT", ArrangementMode.BUY, "0CS", null, new BigDecimal("200000"),
				LocalDate.of(2017, 3, 31)), new ArrangementForm("HR", ArrangementMode.MAKE, null, null, null, null)));
		forms.put("CSR2", List.of(new ArrangementForm("MEDICINES_MANAGEMENT", ArrangementMode.SHARE, null, "csr1",
				new BigDecimal("40000"), null)));

		ActingAs.system(() -> support.recordAll(forms));

		assertThat(as("cs-national", () -> support.arrangements("CSR1")))
			.extracting(a -> a.service().code(), Arrangement::mode, a -> a.provider() == null ? null : a.provider().code(),
					a -> a.annualValue() == null ? null : a.annualValue().pence(), Arrangement::endDate)
			.containsExactlyInAnyOrder(tuple("IT", ArrangementMode.BUY, "0CS", 20_000_000L, LocalDate.of(2017, 3, 31)),
					tuple("HR", ArrangementMode.MAKE, null, null, null));
		assertThat(as("cs-national", () -> support.arrangements("CSR2"))).singleElement()
			.satisfies(a -> assertThat(a.sharedWith()).containsExactly("CSR1"));
		assertThat(jdbc.sql("select updated_by from cs_arrangement where ccg_code = 'CSR2'").query(String.class).single())
			.isEqualTo(ActingAs.SYSTEM);

		Map<String, List<ArrangementForm>> refused = Map.of("CSR2", List.of(
				new ArrangementForm("FINANCE", ArrangementMode.MAKE, null, null, null, null),
				new ArrangementForm("CONTRACTING", ArrangementMode.BUY, null, null, null, null)));
		assertThatThrownBy(() -> ActingAs.system(() -> support.recordAll(refused)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("providerCode"));
		assertThat(jdbc.sql("select count(*) from cs_arrangement where ccg_code = 'CSR2'").query(Long.class).single())
			.isEqualTo(1);
		assertThatThrownBy(() -> as("cs-ccg1", () -> {
			support.recordAll(Map.of("CSR1", List.of(new ArrangementForm("FINANCE", ArrangementMode.MAKE, null, null,
					null, null))));
			return null;
		})).isInstanceOf(AccessDeniedException.class);
	}

	private void organisation(String code, String type, String name) {
		jdbc.sql("insert into directory_organisation (code, type, name, status) values (?, ?, ?, 'A')"
				+ " on conflict (code) do nothing")
			.params(code, type, name)
			.update();
	}

	private <T> T as(String username, Callable<T> work) {
		return ActingAs.as(users, username, work);
	}

	private void open(String username, Role role, String organisation) {
		if (accounts.find(username).isEmpty()) {
			accounts.create(new NewUser(username, "Support " + username, null, role, organisation, PASSWORD));
		}
	}
}
