package org.cocommission.commissioningsupport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.identity.ActingAs;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.platform.FinancialYear;
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
 * Yearly reviews of providers on the embedded PostgreSQL: CCGs answer their own reviews, the comparison across
 * providers gives the worked example's figures and withholds a provider with fewer than five CCGs answering, and each
 * role reaches only what it should.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
class ProviderReviewsModuleTests {

	private static final String PASSWORD = "reviews-module-password";

	/** Six CCGs in area team RVQ, and a seventh in another area team. */
	private static final List<String> CCGS = List.of("RVC1", "RVC2", "RVC3", "RVC4", "RVC5", "RVC6");

	@Autowired
	ProviderReviews reviews;

	@Autowired
	CommissioningSupport support;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private final FinancialYear year = FinancialYear.containing(LocalDate.now());

	@BeforeEach
	void directoryUsersAndPurchases() {
		organisation("RVQ", "AREA_TEAM", "Reviews area team");
		organisation("RVQ2", "AREA_TEAM", "Other area team");
		organisation("0RV", "CSU", "Review Commissioning Support Unit");
		organisation("RVP1", "GP_PRACTICE", "Review practice");
		for (String ccg : CCGS) {
			organisation(ccg, "CCG", "NHS " + ccg + " CCG");
			parent(ccg, "RVQ");
		}
		organisation("RVX1", "CCG", "NHS RVX1 CCG");
		parent("RVX1", "RVQ2");
		parent("RVP1", "RVC1");
		open("rv-national", Role.NATIONAL, "X24");
		open("rv-area", Role.AREA_TEAM, "RVQ");
		open("rv-practice", Role.PRACTICE, "RVP1");
		for (String ccg : CCGS) {
			open("rv-" + ccg.toLowerCase(), Role.CCG, ccg);
		}
		if (jdbc.sql("select count(*) from cs_arrangement where ccg_code like 'RVC%'").query(Long.class).single() == 0) {
			for (String ccg : CCGS) {
				buy(ccg, "BUSINESS_INTELLIGENCE", "0RV");
			}
			String other = as("rv-national", () -> support.addProvider("Other Insight Ltd")).code();
			for (String ccg : CCGS.subList(0, 4)) {
				buy(ccg, "CONTRACTING", other);
			}
		}
	}

	@Test
	void theComparisonGivesEachProvidersMeanAndShareSatisfiedAndWithholdsFewerThanFiveCcgs() {
		// Each CCG's score is the mean of its six answers: 4.0, 3.5, 4.5, 3.0 and 5.0; four agree they are satisfied.
		answer("RVC1", "BUSINESS_INTELLIGENCE", 4, 4, 4, 4, 4, 4);
		answer("RVC2", "BUSINESS_INTELLIGENCE", 4, 3, 3, 4, 3, 4);
		answer("RVC3", "BUSINESS_INTELLIGENCE", 5, 4, 5, 4, 4, 5);
		answer("RVC4", "BUSINESS_INTELLIGENCE", 3, 3, 3, 3, 3, 3);
		answer("RVC5", "BUSINESS_INTELLIGENCE", 5, 5, 5, 5, 5, 5);
		for (String ccg : CCGS.subList(0, 4)) {
			answer(ccg, "CONTRACTING", 2, 2, 2, 2, 2, 2);
		}
		// A service level of 95% met in two of three quarters.
		ServiceLevelView level = as("rv-rvc1", () -> reviews.addServiceLevel("RVC1",
				new ReviewForms.ServiceLevel("BUSINESS_INTELLIGENCE", "Monthly reports on time", new BigDecimal("95"))));
		List<LocalDate> quarters = reviews.recentQuarters();
		as("rv-rvc1", () -> reviews.recordActual("RVC1", new ReviewForms.Actual(level.id(), quarters.get(0),
				new BigDecimal("96.0"))));
		as("rv-rvc1", () -> reviews.recordActual("RVC1", new ReviewForms.Actual(level.id(), quarters.get(1),
				new BigDecimal("94.9"))));
		as("rv-rvc1", () -> reviews.recordActual("RVC1", new ReviewForms.Actual(level.id(), quarters.get(2),
				new BigDecimal("95.0"))));
		// What the audit trail keeps of the service level and its actuals (the records beside ProviderReviews).
		assertThat(jdbc.sql("select action || ' ' || after_state::text from audit_event where entity_type = 'CS_REVIEW'"
				+ " and entity_id = ? order by id").param("service level " + level.id()).query(String.class).list())
			.containsExactly("SERVICE_LEVEL_AGREED {\"target\": 95, \"measure\": \"Monthly reports on time\","
					+ " \"service\": \"BUSINESS_INTELLIGENCE\", \"provider\": \"0RV\"}",
					"SERVICE_LEVEL_ACTUAL_RECORDED {\"actual\": 96.0, \"measure\": \"Monthly reports on time\","
							+ " \"quarterStart\": \"" + quarters.get(0) + "\"}",
					"SERVICE_LEVEL_ACTUAL_RECORDED {\"actual\": 94.9, \"measure\": \"Monthly reports on time\","
							+ " \"quarterStart\": \"" + quarters.get(1) + "\"}",
					"SERVICE_LEVEL_ACTUAL_RECORDED {\"actual\": 95.0, \"measure\": \"Monthly reports on time\","
							+ " \"quarterStart\": \"" + quarters.get(2) + "\"}");
		int inYear = (int) quarters.subList(0, 3).stream().filter(year::contains).count();
		int metInYear = (year.contains(quarters.get(0)) ? 1 : 0) + (year.contains(quarters.get(2)) ? 1 : 0);

		List<ProviderComparison> rows = as("rv-area", () -> reviews.comparison(year));

		ProviderComparison csu = rows.stream()
			.filter(row -> row.provider().code().equals("0RV"))
			.findFirst()
			.orElseThrow();
		assertThat(csu.respondingCcgs()).isEqualTo(5);
		assertThat(csu.withheld()).isFalse();
		assertThat(csu.meanScore()).extracting(e -> e.value().toPlainString(), e -> e.lower().toPlainString(),
				e -> e.upper().toPlainString())
			.containsExactly("4.00", "3.02", "4.98");
		assertThat(csu.satisfied()).extracting(e -> e.value().toPlainString(), e -> e.lower().toPlainString(),
				e -> e.upper().toPlainString())
			.containsExactly("80.0", "37.6", "96.4");
		assertThat(csu.themeMeans()).extracting(BigDecimal::toPlainString).containsExactly("4.00", "4.00", "3.80", "4.20");
		assertThat(csu.levelsReported()).isEqualTo(inYear);
		assertThat(csu.levelsMet()).isEqualTo(metInYear);
		assertThat(rows).filteredOn(row -> row.service().code().equals("CONTRACTING"))
			.extracting(row -> row.provider().name(), ProviderComparison::respondingCcgs, ProviderComparison::withheld,
					ProviderComparison::meanScore, ProviderComparison::satisfied)
			.containsExactly(tuple("Other Insight Ltd", 4, true, null, null));

		// A fifth CCG answering shows the provider.
		buy("RVC5", "CONTRACTING", rows.stream()
			.filter(row -> row.service().code().equals("CONTRACTING"))
			.findFirst()
			.orElseThrow()
			.provider()
			.code());
		answer("RVC5", "CONTRACTING", 1, 1, 1, 1, 1, 1);
		assertThat(as("rv-national", () -> reviews.comparison(year)))
			.filteredOn(row -> row.service().code().equals("CONTRACTING"))
			.extracting(ProviderComparison::withheld, row -> row.meanScore().value().toPlainString())
			.containsExactly(tuple(false, "1.80"));
	}

	@Test
	void answeringAgainReplacesAndOnlyABoughtServiceInAYearSinceTheFirstIsReviewed() {
		// Last year, so that the comparison of this year keeps its worked example.
		answerIn(year.previous(), "RVC6", "BUSINESS_INTELLIGENCE", 1, 1, 1, 1, 1, 1);
		answerIn(year.previous(), "RVC6", "BUSINESS_INTELLIGENCE", 2, 2, 2, 2, 2, 2);

		ServiceReview review = as("rv-rvc6", () -> reviews.review("RVC6", year.previous(), "BUSINESS_INTELLIGENCE"));
		assertThat(review.answers()).hasSize(6).allSatisfy((question, score) -> assertThat(score).isEqualTo(2));
		assertThat(review.provider().code()).isEqualTo("0RV");
		assertThatThrownBy(() -> answerIn(year.previous(), "RVC6", "HR", 3, 3, 3, 3, 3, 3)).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("serviceCode"));
		assertThatThrownBy(() -> as("rv-rvc6", () -> reviews.answer("RVC6", year.next(), "BUSINESS_INTELLIGENCE",
				new ReviewForms.Answers(3, 3, 3, 3, 3, 3, null))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("year"));
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'PROVIDER_REVIEWED' and organisation_code = 'RVC6'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void eachRoleReachesOnlyWhatItShould() {
		ReviewForms.Answers answers = new ReviewForms.Answers(4, 4, 4, 4, 4, 4, "Good");
		// A CCG answers and reads its own review, not another's, and does not see the comparison.
		assertThat(as("rv-rvc2", () -> reviews.review("RVC2", year))).extracting(r -> r.service().code())
			.contains("BUSINESS_INTELLIGENCE");
		assertThatThrownBy(() -> as("rv-rvc2", () -> reviews.review("RVC3", year)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("rv-rvc2", () -> reviews.answer("RVC3", year, "BUSINESS_INTELLIGENCE", answers)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("rv-rvc2", () -> reviews.comparison(year))).isInstanceOf(AccessDeniedException.class);
		// The area team and NHS England compare, but neither reads nor answers a CCG's own review.
		assertThat(as("rv-area", () -> reviews.comparison(year))).isNotNull();
		assertThat(as("rv-national", () -> reviews.comparison(year))).isNotNull();
		for (String user : List.of("rv-area", "rv-national")) {
			assertThatThrownBy(() -> as(user, () -> reviews.review("RVC2", year)))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> as(user, () -> reviews.answer("RVC2", year, "BUSINESS_INTELLIGENCE", answers)))
				.isInstanceOf(AccessDeniedException.class);
		}
		// A practice reaches none of it.
		assertThatThrownBy(() -> as("rv-practice", () -> reviews.comparison(year)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("rv-practice", () -> reviews.review("RVC1", year)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("rv-practice", () -> reviews.serviceLevels("RVC1")))
			.isInstanceOf(AccessDeniedException.class);
		// Service levels: read by the CCG, its area team and NHS England; recorded by the CCG and NHS England.
		ReviewForms.ServiceLevel level = new ReviewForms.ServiceLevel("BUSINESS_INTELLIGENCE", "Queries answered in 5 days",
				new BigDecimal("90"));
		assertThat(as("rv-national", () -> reviews.addServiceLevel("RVC2", level)).provider().code()).isEqualTo("0RV");
		assertThat(as("rv-area", () -> reviews.serviceLevels("RVC2"))).hasSize(1);
		assertThat(as("rv-rvc2", () -> reviews.serviceLevels("RVC2"))).hasSize(1);
		assertThatThrownBy(() -> as("rv-area", () -> reviews.addServiceLevel("RVC2", level)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("rv-rvc3", () -> reviews.serviceLevels("RVC2")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("rv-rvc3", () -> reviews.addServiceLevel("RVC2", level)))
			.isInstanceOf(AccessDeniedException.class);
	}

	private void answer(String ccg, String service, int... scores) {
		answerIn(year, ccg, service, scores);
	}

	private void answerIn(FinancialYear when, String ccg, String service, int... scores) {
		as("rv-" + ccg.toLowerCase(), () -> reviews.answer(ccg, when, service, new ReviewForms.Answers(scores[0],
				scores[1], scores[2], scores[3], scores[4], scores[5], null)));
	}

	private void buy(String ccg, String service, String provider) {
		as("rv-national", () -> support.record(ccg, new ArrangementForm(service, ArrangementMode.BUY, provider, null,
				new BigDecimal("100000"), LocalDate.now().plusYears(2))));
	}

	private void organisation(String code, String type, String name) {
		jdbc.sql("insert into directory_organisation (code, type, name, status) values (?, ?, ?, 'A')"
				+ " on conflict (code) do nothing")
			.params(code, type, name)
			.update();
	}

	private void parent(String child, String parent) {
		jdbc.sql("insert into directory_relationship (child_code, parent_code, valid_from) select ?, ?, ?"
				+ " where not exists (select 1 from directory_relationship where child_code = ?)")
			.params(child, parent, LocalDate.of(2013, 4, 1), child)
			.update();
	}

	private <T> T as(String username, Callable<T> work) {
		return ActingAs.as(users, username, work);
	}

	private void open(String username, Role role, String organisation) {
		if (accounts.find(username).isEmpty()) {
			accounts.create(new NewUser(username, "Reviews " + username, null, role, organisation, PASSWORD));
		}
	}
}
