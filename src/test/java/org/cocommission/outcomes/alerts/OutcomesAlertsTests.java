package org.cocommission.outcomes.alerts;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.OutcomesLevel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.outcomes.alerts.AlertsTestData.PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Alerts raised by an import on a crafted set, never twice; who sees and acknowledges them; trends; the digest. */
@SpringBootTest(properties = "cocommission.test.context=alerts")
@AutoConfigureMockMvc
@RecordApplicationEvents
class OutcomesAlertsTests {

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final ObservationImports imports;

	private final UserDetailsService users;

	private final AlertDigest digest;

	private final AlertStore store;

	@Autowired
	OutcomesAlertsTests(MockMvc mvc, JdbcClient jdbc, DirectoryImports directoryImports, UserAccounts accounts,
			ObservationImports imports, UserDetailsService users, AlertDigest digest, AlertStore store) {
		this.store = store;
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.imports = imports;
		this.users = users;
		this.digest = digest;
		AlertsTestData.directory(jdbc, directoryImports, accounts);
	}

	@BeforeEach
	void loaded() {
		if (jdbc.sql("select count(*) from outcomes_alert").query(Long.class).single() == 0) {
			AlertsTestData.load(imports, users);
		}
	}

	@Test
	void anImportRaisesTheWorseAndIntoWorstDecileAlertsByPolarity() {
		assertThat(alerts()).containsExactlyInAnyOrder("C71001 PRAC-DMHBA SIGNIFICANTLY_WORSE Q71",
				"C71001 PRAC-DMHBA INTO_WORST_DECILE Q71", "71A PRAC-DMHBA SIGNIFICANTLY_WORSE Q71",
				"C72001 PRAC-EMADM SIGNIFICANTLY_WORSE Q72", "C72001 PRAC-EMADM INTO_WORST_DECILE Q72");
		assertThat(jdbc.sql("select previous_value || ' ' || value || ' ' || previous_period || ' ' || period from outcomes_alert"
				+ " where org_code = 'C71001' and reason = 'SIGNIFICANTLY_WORSE'").query(String.class).single())
			.isEqualTo("70 60 2013/14 2014/15");
	}

	@Test
	void reimportingTheSameDataRaisesNothingTwice() {
		List<String> before = alerts();
		AlertsTestData.load(imports, users);
		assertThat(alerts()).containsExactlyInAnyOrderElementsOf(before).hasSize(5);
	}

	@Test
	void eachSeesTheirOwnAreaTeamsSeeTheirsAndNationalAll() throws Exception {
		expectTotal("alerts-national", 5);
		expectTotal("alerts-area-q71", 3);
		expectTotal("alerts-area-q72", 2);
		expectTotal("alerts-ccg-71a", 3);
		expectTotal("alerts-practice-c71001", 2);
		mvc.perform(get("/api/v1/outcomes/alerts").param("reason", "into-worst-decile").param("level", "practice")
			.with(httpBasic("alerts-area-q71", PASSWORD)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].orgCode").value("C71001"));
	}

	@Test
	void aCcgSeesItsOwnAndItsMemberPracticesAlertsButNotAnotherCcgsPractices() throws Exception {
		mvc.perform(get("/api/v1/outcomes/alerts").param("level", "practice").with(httpBasic("alerts-ccg-71a", PASSWORD)))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].orgCode").value("C71001"))
			.andExpect(jsonPath("$.items[0].ccgCode").value("71A"))
			.andExpect(jsonPath("$.items[1].orgCode").value("C71001"));
		long own = alertId("71A", "SIGNIFICANTLY_WORSE");
		long member = alertId("C71001", "INTO_WORST_DECILE");
		long foreign = alertId("C72001", "SIGNIFICANTLY_WORSE");
		mvc.perform(get("/api/v1/outcomes/alerts/" + member).with(httpBasic("alerts-ccg-71a", PASSWORD)))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/outcomes/alerts/" + own).with(httpBasic("alerts-ccg-71a", PASSWORD)))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/outcomes/alerts/" + foreign).with(httpBasic("alerts-ccg-71a", PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/outcomes/alerts/" + foreign + "/acknowledge").with(httpBasic("alerts-ccg-71a", PASSWORD))
			.contentType("application/json")
			.content("{\"version\": 0}")).andExpect(status().isForbidden());
		// The practice acknowledges its own alert; its CCG sees it but does not act for it.
		mvc.perform(post("/api/v1/outcomes/alerts/" + member + "/acknowledge").with(httpBasic("alerts-ccg-71a", PASSWORD))
			.contentType("application/json")
			.content("{\"version\": 0}")).andExpect(status().isForbidden());
		Cookie ccg = session("alerts-ccg-71a");
		mvc.perform(get("/outcomes/alerts").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PRACTICE C71001 (C71001)")))
			.andExpect(content().string(containsString("NHS SEVENTY-ONE CCG (71A)")))
			.andExpect(content().string(not(containsString("C72001"))));
		mvc.perform(get("/outcomes/alerts/" + foreign).cookie(ccg)).andExpect(status().isForbidden());
	}

	@Test
	void aPracticesAlertStaysWithTheCcgItBelongedToInTheAlertsPeriod() throws Exception {
		String flu = AlertsTestData.MOVED_INDICATOR;
		// C72003 was in 72A until March 2015 and is in 71A today; its alert is about 2014/15.
		jdbc.sql("update directory_relationship set valid_to = date '2015-03-31' where child_code = 'C72003'"
				+ " and parent_code = '72A'").update();
		jdbc.sql("insert into directory_relationship (child_code, parent_code, valid_from) values ('C72003', '71A',"
				+ " date '2015-04-01')").update();
		try {
			AlertsTestData.load(imports, users, AlertsTestData.MOVED_WORSE);
			long moved = jdbc.sql("select id from outcomes_alert where indicator_id = ? and org_code = 'C72003'"
					+ " and reason = 'SIGNIFICANTLY_WORSE'").param(flu).query(Long.class).single();
			mvc.perform(get("/api/v1/outcomes/alerts").param("indicator", flu).param("level", "practice")
				.with(httpBasic("alerts-ccg-72a", PASSWORD)))
				.andExpect(jsonPath("$.items[*].orgCode").value(org.hamcrest.Matchers.hasItem("C72003")));
			mvc.perform(get("/api/v1/outcomes/alerts").param("indicator", flu).param("level", "practice")
				.with(httpBasic("alerts-ccg-71a", PASSWORD))).andExpect(jsonPath("$.total").value(0));
			mvc.perform(get("/api/v1/outcomes/alerts/" + moved).with(httpBasic("alerts-ccg-71a", PASSWORD)))
				.andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/outcomes/alerts/" + moved).with(httpBasic("alerts-ccg-72a", PASSWORD)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.ccgCode").value("72A"));
		}
		finally {
			jdbc.sql("delete from directory_relationship where child_code = 'C72003' and parent_code = '71A'").update();
			jdbc.sql("update directory_relationship set valid_to = null where child_code = 'C72003' and parent_code = '72A'")
				.update();
			AlertsTestData.load(imports, users, AlertsTestData.MOVED_CORRECTED);
		}
	}

	@Test
	void anotherAreaTeamOrPracticeCannotOpenOrAcknowledgeAnAlert() throws Exception {
		long alert = alertId("C71001", "SIGNIFICANTLY_WORSE");
		mvc.perform(get("/api/v1/outcomes/alerts/" + alert).with(httpBasic("alerts-area-q72", PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/outcomes/alerts/" + alert).cookie(session("alerts-area-q72"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/outcomes/alerts/" + alert).with(httpBasic("alerts-practice-c72001", PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/outcomes/alerts/" + alert).with(httpBasic("alerts-area-q71", PASSWORD)))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/outcomes/alerts/" + alert + "/acknowledge").with(httpBasic("alerts-area-q71", PASSWORD))
			.contentType("application/json")
			.content("{\"version\": 0}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/outcomes/alerts")).andExpect(status().isUnauthorized());
	}

	@Test
	void theOrganisationAcknowledgesOnceAndItIsAudited(@Autowired ApplicationEvents events) throws Exception {
		long alert = alertId("C72001", "INTO_WORST_DECILE");
		mvc.perform(post("/api/v1/outcomes/alerts/" + alert + "/acknowledge")
			.with(httpBasic("alerts-practice-c72001", PASSWORD))
			.contentType("application/json")
			.content("{\"version\": 0, \"note\": \"Reviewing admissions with the CCG\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.acknowledgedBy").value("alerts-practice-c72001"))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(post("/api/v1/outcomes/alerts/" + alert + "/acknowledge")
			.with(httpBasic("alerts-practice-c72001", PASSWORD))
			.contentType("application/json")
			.content("{\"version\": 0}")).andExpect(status().isConflict());
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'OUTCOMES_ALERT_ACKNOWLEDGED' and entity_id = ?")
			.param(Long.toString(alert))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(events.stream(AlertAcknowledged.class)).singleElement().satisfies(acknowledged -> {
			assertThat(acknowledged.after().id()).isEqualTo(alert);
			assertThat(acknowledged.before().acknowledged()).isFalse();
			assertThat(acknowledged.after().acknowledgement()).isEqualTo("Reviewing admissions with the CCG");
		});
		mvc.perform(get("/api/v1/outcomes/alerts").param("acknowledged", "yes")
			.with(httpBasic("alerts-area-q72", PASSWORD))).andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void trendsPerPeriodPairThroughTheApi() throws Exception {
		mvc.perform(get("/api/v1/outcomes/trends").param("indicator", "PRAC-DMHBA").param("level", "practice")
			.param("org", "C71001")
			.with(httpBasic("alerts-practice-c72001", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].fromPeriod").value("2013/14"))
			.andExpect(jsonPath("$[0].toPeriod").value("2014/15"))
			.andExpect(jsonPath("$[0].significant95").value(true))
			.andExpect(jsonPath("$[0].significant998").value(true))
			.andExpect(jsonPath("$[0].direction").value("WORSENING"));
		mvc.perform(get("/api/v1/outcomes/trends").param("indicator", "PRAC-DMHBA").param("level", "ccg")
			.param("org", "72A")
			.with(httpBasic("alerts-practice-c72001", PASSWORD))).andExpect(jsonPath("$[0].direction").value("IMPROVING"));
		mvc.perform(get("/api/v1/outcomes/trends").param("indicator", "PRAC-DMHBA").param("level", "ccg")
			.param("org", "ZZZ")
			.with(httpBasic("alerts-practice-c72001", PASSWORD))).andExpect(status().isNotFound());
		// Two periods are too few for the recent trend, which needs five.
		mvc.perform(get("/api/v1/outcomes/trends/recent").param("indicator", "PRAC-DMHBA").param("level", "practice")
			.param("org", "C71001")
			.with(httpBasic("alerts-practice-c72001", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.points").value(2))
			.andExpect(jsonPath("$.direction").value("NOT_TESTED"));
		mvc.perform(get("/api/v1/outcomes/trends/recent").param("indicator", "PRAC-DMHBA").param("level", "ccg")
			.param("org", "ZZZ")
			.with(httpBasic("alerts-practice-c72001", PASSWORD))).andExpect(status().isNotFound());
	}

	@Test
	void oneDigestPerUserAndDayListingTheirNewAlerts() {
		LocalDate day = LocalDate.of(2026, 11, 24);
		jdbc.sql("delete from outcomes_alert_digest").update();
		int queued = digest.queueDigests(day);
		assertThat(queued).isGreaterThanOrEqualTo(5);
		String q71 = jdbc.sql("select body from notification_email_outbox where deduplication_key = ?")
			.param("outcomes-alerts-alerts-area-q71-" + day)
			.query(String.class)
			.single();
		assertThat(q71).contains("PRACTICE C71001 (C71001)", "NHS SEVENTY-ONE CCG (71A)", "moved into the worst decile",
				"2013/14 to 2014/15", " http://localhost:8080/outcomes/alerts/" + alertId("71A", "SIGNIFICANTLY_WORSE") + "\n",
				"http://localhost:8080/outcomes/alerts?acknowledged=no")
			.doesNotContain("C72001");
		String ccg71a = jdbc.sql("select body from notification_email_outbox where deduplication_key = ?")
			.param("outcomes-alerts-alerts-ccg-71a-" + day)
			.query(String.class)
			.single();
		assertThat(ccg71a).contains("PRACTICE C71001 (C71001)", "NHS SEVENTY-ONE CCG (71A)").doesNotContain("C72001");
		// What the audit trail keeps of a digest (AlertDigest.DigestQueued): the digest's own row, field by field.
		assertThat(jdbc.sql("select after_state::text from audit_event where action = 'OUTCOMES_ALERT_DIGEST_QUEUED'"
				+ " and entity_id = 'alerts-area-q71' order by id desc limit 1").query(String.class).single())
			.isEqualTo(jdbc.sql("select jsonb_build_object('day', digest_date::text, 'alerts', alerts, 'lastAlertId',"
					+ " last_alert_id)::text from outcomes_alert_digest where username = 'alerts-area-q71' and digest_date = ?")
				.param(day)
				.query(String.class)
				.single());
		assertThat(digest.queueDigests(day)).isZero();
		assertThat(digest.queueDigests(day.plusDays(1))).isZero();
		assertThat(jdbc.sql("select count(*) from notification_email_outbox where deduplication_key like 'outcomes-alerts-alerts-area-q71-%'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anAreaTeamUserOpensAlertsFiltersAndOpensTheIndicator() throws Exception {
		Cookie area = session("alerts-area-q71");
		// Another test may have acknowledged one of Q71's three alerts already.
		long open = jdbc.sql("select count(*) from outcomes_alert where area_team_code = 'Q71' and acknowledged_at is null")
			.query(Long.class)
			.single();
		mvc.perform(get("/outcomes").cookie(area))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/outcomes/alerts?acknowledged=no")))
			.andExpect(content().string(containsString(open + " not yet acknowledged")));
		mvc.perform(get("/outcomes/alerts").cookie(area))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PRACTICE C71001 (C71001)")))
			.andExpect(content().string(containsString("NHS SEVENTY-ONE CCG (71A)")))
			.andExpect(content().string(not(containsString("C72001"))))
			.andExpect(content().string(containsString("3 alerts")));
		mvc.perform(get("/outcomes/alerts").param("indicator", "PRAC-EMADM").cookie(area))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There are no alerts to show")));
		mvc.perform(get("/outcomes/alerts").param("reason", "INTO_WORST_DECILE").param("indicator", "PRAC-DMHBA")
			.param("level", "practice").param("acknowledged", "any").param("sort", "organisation").param("dir", "asc")
			.cookie(area)).andExpect(status().isOk()).andExpect(content().string(containsString("1 alert<")));
		long id = alertId("C71001", "INTO_WORST_DECILE");
		mvc.perform(get("/outcomes/alerts/" + id).cookie(area))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"trends-table\"")))
			.andExpect(content().string(containsString("Significant at 95% (alert level)")))
			.andExpect(content().string(containsString("Significant at 99.8%")))
			.andExpect(content().string(containsString("Worsening")))
			.andExpect(content().string(not(containsString("id=\"acknowledge-form\""))))
			.andExpect(content().string(containsString(
					"/outcomes/indicators/PRAC-DMHBA?level=practice&amp;period=2014/15&amp;org=C71001&amp;parent=71A")));
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA").param("level", "practice").param("period", "2014/15")
			.param("org", "C71001").param("parent", "71A").cookie(area))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Trend (significant change at 95%)")))
			.andExpect(content().string(containsString("since 2013/14:")))
			.andExpect(content().string(containsString("Worsening")));
		mvc.perform(get("/outcomes/alerts.csv").param("level", "practice").cookie(area))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("C71001")))
			.andExpect(content().string(not(containsString("C72001"))));
		mvc.perform(get("/outcomes/ccgs/71A").cookie(area))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Trend (significant change at 95%)")));
	}

	@Test
	void thePracticeAcknowledgesThroughTheFormWithANote() throws Exception {
		Cookie practice = session("alerts-practice-c71001");
		long id = alertId("C71001", "SIGNIFICANTLY_WORSE");
		mvc.perform(get("/outcomes/alerts").cookie(practice)).andExpect(content().string(containsString("/outcomes/alerts/" + id)));
		mvc.perform(get("/outcomes/alerts/" + id).cookie(practice))
			.andExpect(content().string(containsString("id=\"acknowledge-form\"")));
		mvc.perform(post("/outcomes/alerts/" + id + "/acknowledge").cookie(practice).with(csrf()).param("version", "0")
			.param("note", "x".repeat(501)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("The note must be 500 characters or fewer")));
		mvc.perform(post("/outcomes/alerts/" + id + "/acknowledge").cookie(practice).with(csrf()).param("version", "0")
			.param("note", "Audit of HbA1c recall started"))
			.andExpect(redirectedUrl("/outcomes/alerts/" + id));
		mvc.perform(get("/outcomes/alerts/" + id).cookie(practice))
			.andExpect(content().string(containsString("Audit of HbA1c recall started")))
			.andExpect(content().string(not(containsString("id=\"acknowledge-form\""))));
	}

	@Test
	void aCorrectedReimportWithdrawsTheAlertsItNoLongerSupports() throws Exception {
		String cerv = AlertsTestData.CORRECTED_INDICATOR;
		Cookie area = session("alerts-area-q72");
		String homeBefore = count(mvc.perform(get("/outcomes").cookie(area)).andReturn().getResponse().getContentAsString());
		AlertsTestData.load(imports, users, AlertsTestData.WRONG);
		List<Long> raised = jdbc.sql("select id from outcomes_alert where indicator_id = ? order by id")
			.param(cerv)
			.query(Long.class)
			.list();
		assertThat(raised).isNotEmpty();
		long wrong = jdbc.sql("select id from outcomes_alert where indicator_id = ? and org_code = 'C72002'"
				+ " and reason = 'SIGNIFICANTLY_WORSE'").param(cerv).query(Long.class).single();
		mvc.perform(get("/api/v1/outcomes/alerts").param("indicator", cerv).with(httpBasic("alerts-area-q72", PASSWORD)))
			.andExpect(jsonPath("$.total").value(raised.size()));

		AlertsTestData.load(imports, users, AlertsTestData.CORRECTED);

		mvc.perform(get("/api/v1/outcomes/alerts").param("indicator", cerv).with(httpBasic("alerts-area-q72", PASSWORD)))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/outcomes/alerts").param("indicator", cerv).param("withdrawn", "yes")
			.with(httpBasic("alerts-area-q72", PASSWORD))).andExpect(jsonPath("$.total").value(raised.size()));
		mvc.perform(get("/api/v1/outcomes/alerts/" + wrong).with(httpBasic("alerts-area-q72", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.withdrawnReason").value("data corrected"));
		assertThat(count(mvc.perform(get("/outcomes").cookie(area)).andReturn().getResponse().getContentAsString()))
			.isEqualTo(homeBefore);
		assertThat(store.open()).extracting(AlertStore.OpenAlert::id).doesNotContainAnyElementsOf(raised);
		// As a user finds it: the list, its link to the withdrawn alerts, and the alert itself.
		mvc.perform(get("/outcomes/alerts").param("indicator", cerv).cookie(area))
			.andExpect(content().string(containsString("There are no alerts to show")))
			.andExpect(content().string(not(containsString("/outcomes/alerts/" + wrong + "\""))));
		mvc.perform(get("/outcomes/alerts").cookie(area))
			.andExpect(content().string(containsString("href=\"/outcomes/alerts?withdrawn=yes\"")));
		mvc.perform(get("/outcomes/alerts").param("withdrawn", "yes").cookie(area))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/outcomes/alerts/" + wrong + "\"")))
			.andExpect(content().string(containsString("Withdrawn: data corrected")))
			.andExpect(content().string(not(containsString("/outcomes/alerts/" + alertId("C72001", "SIGNIFICANTLY_WORSE") + "\""))));
		mvc.perform(get("/outcomes/alerts/" + wrong).cookie(session("alerts-practice-c72002")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"withdrawn-state\"")))
			.andExpect(content().string(not(containsString("id=\"acknowledge-form\""))));
		mvc.perform(post("/api/v1/outcomes/alerts/" + wrong + "/acknowledge")
			.with(httpBasic("alerts-practice-c72002", PASSWORD))
			.contentType("application/json")
			.content("{\"version\": 1}")).andExpect(status().isConflict());
		for (long id : raised) {
			assertThat(jdbc.sql("select actor from audit_event where action = 'OUTCOMES_ALERT_WITHDRAWN' and entity_id = ?")
				.param(Long.toString(id))
				.query(String.class)
				.list()).containsExactly("system");
		}
		// What the audit trail keeps of a withdrawal (AlertWithdrawals.State), before and after.
		assertThat(jdbc.sql("select distinct before_state::text || ' ' || after_state::text from audit_event"
				+ " where action = 'OUTCOMES_ALERT_WITHDRAWN' and entity_id = any (?)")
			.param(raised.stream().map(String::valueOf).toArray(String[]::new))
			.query(String.class)
			.list()).containsExactly("{\"status\": \"open\"} {\"reason\": \"data corrected\", \"status\": \"withdrawn\"}");
		// Re-importing the corrected file again withdraws nothing more.
		AlertsTestData.load(imports, users, AlertsTestData.CORRECTED);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'OUTCOMES_ALERT_WITHDRAWN'"
				+ " and entity_id = any (?)")
			.param(raised.stream().map(String::valueOf).toArray(String[]::new))
			.query(Long.class)
			.single()).isEqualTo(raised.size());
	}

	@Test
	void aCcgWithdrawsItsMemberPracticesAlertAfterConfirmingWithAReasonAndARecomputeDoesNotRaiseItAgain()
			throws Exception {
		AlertRules.Raised raised = new AlertRules.Raised("PRAC-DMHBA", OutcomesLevel.PRACTICE, "C71001",
				"Practice C71001", "71A", "Q71", AlertReason.SIGNIFICANTLY_WORSE, "2011/12", "2012/13", 6.5, 5.1, 5, 2,
				-3.2);
		store.insertNew(List.of(raised));
		long id = jdbc.sql("select id from outcomes_alert where indicator_id = 'PRAC-DMHBA' and org_code = 'C71001'"
				+ " and previous_period = '2011/12'")
			.query(Long.class)
			.single();
		// The practice itself acknowledges, it does not withdraw; another CCG cannot even see it: refused before the
		// form or body is read.
		mvc.perform(get("/outcomes/alerts/" + id + "/withdraw").cookie(session("alerts-practice-c71001")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/outcomes/alerts/" + id + "/withdraw").with(httpBasic("alerts-practice-c71001", PASSWORD))
			.contentType("application/json").content("{}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/outcomes/alerts/" + id + "/withdraw").with(httpBasic("alerts-ccg-72a", PASSWORD))
			.contentType("application/json").content("{}")).andExpect(status().isForbidden());

		Cookie ccg = session("alerts-ccg-71a");
		mvc.perform(get("/outcomes/alerts/" + id).cookie(ccg))
			.andExpect(content().string(containsString("id=\"withdraw-link\"")));
		mvc.perform(get("/outcomes/alerts/" + id + "/withdraw").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Withdraw the alert for Practice C71001 (C71001)")))
			.andExpect(content().string(containsString(
					"take it off the current alerts of Practice C71001 (C71001), its CCG 71A, its area team Q71 and NHS England")));
		mvc.perform(post("/outcomes/alerts/" + id + "/withdraw").cookie(ccg).with(csrf()).param("version", "0")
			.param("reason", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("Enter why the alert is withdrawn")));
		assertThat(store.find(id).orElseThrow().withdrawn()).isFalse();

		mvc.perform(post("/outcomes/alerts/" + id + "/withdraw").cookie(ccg).with(csrf()).param("version", "0")
			.param("reason", "The practice's system migration dropped diabetes codes in 2012/13"))
			.andExpect(redirectedUrl("/outcomes/alerts/" + id))
			.andExpect(flash().attribute("message", containsString(
					"Practice C71001 (C71001), its CCG 71A, its area team Q71 and NHS England no longer see it")));
		Alert withdrawn = store.find(id).orElseThrow();
		assertThat(withdrawn.withdrawnBy()).isEqualTo("alerts-ccg-71a");
		assertThat(withdrawn.withdrawnReason()).isEqualTo("The practice's system migration dropped diabetes codes in 2012/13");
		assertThat(jdbc.sql("select actor from audit_event where action = 'OUTCOMES_ALERT_WITHDRAWN' and entity_id = ?")
			.param(Long.toString(id))
			.query(String.class)
			.list()).containsExactly("alerts-ccg-71a");
		mvc.perform(get("/outcomes/alerts/" + id).cookie(ccg))
			.andExpect(content().string(containsString("By alerts-ccg-71a on")))
			.andExpect(content().string(not(containsString("id=\"withdraw-link\""))));
		mvc.perform(post("/api/v1/outcomes/alerts/" + id + "/withdraw").with(httpBasic("alerts-national", PASSWORD))
			.contentType("application/json").content("{\"version\": 1, \"reason\": \"Again\"}"))
			.andExpect(status().isConflict());

		// The same data computed again raises the same alert: a person's withdrawal stands.
		store.insertNew(List.of(raised));
		Alert after = store.find(id).orElseThrow();
		assertThat(after.withdrawn()).isTrue();
		assertThat(after.withdrawnReason()).isEqualTo("The practice's system migration dropped diabetes codes in 2012/13");
	}

	/** The alerts the withdrawal tests made, gone again, so that the other tests' counts hold in any order. */
	@org.junit.jupiter.api.AfterEach
	void forgetTheWithdrawalTestsAlerts() {
		jdbc.sql("delete from outcomes_alert where previous_period = '2011/12'").update();
	}

	@Test
	void aCcgDoesNotWithdrawItsOwnAlertItsAreaTeamDoesThroughTheApi() throws Exception {
		store.insertNew(List.of(new AlertRules.Raised("PRAC-DMHBA", OutcomesLevel.CCG, "71A", "CCG 71A", "71A", "Q71",
				AlertReason.INTO_WORST_DECILE, "2011/12", "2012/13", 6.5, 5.1, 5, 1, null)));
		long id = jdbc.sql("select id from outcomes_alert where indicator_id = 'PRAC-DMHBA' and org_code = '71A'"
				+ " and previous_period = '2011/12'")
			.query(Long.class)
			.single();
		mvc.perform(post("/api/v1/outcomes/alerts/" + id + "/withdraw").with(httpBasic("alerts-ccg-71a", PASSWORD))
			.contentType("application/json").content("{}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/outcomes/alerts/" + id + "/withdraw").with(httpBasic("alerts-area-q71", PASSWORD))
			.contentType("application/json").content("{\"version\": 0, \"reason\": \"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post("/api/v1/outcomes/alerts/" + id + "/withdraw").with(httpBasic("alerts-area-q71", PASSWORD))
			.contentType("application/json").content("{\"version\": 0, \"reason\": \"Wrong denominator file\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.withdrawnBy").value("alerts-area-q71"));
	}

	private static String count(String homePage) {
		int at = homePage.indexOf("id=\"alerts-count\"");
		return homePage.substring(at, homePage.indexOf('<', at));
	}

	private List<String> alerts() {
		return jdbc.sql("select org_code || ' ' || indicator_id || ' ' || reason || ' ' || area_team_code from outcomes_alert"
				+ " where indicator_id = any (?)")
			.param(AlertsTestData.BASE_INDICATORS.toArray(String[]::new))
			.query(String.class)
			.list();
	}

	private long alertId(String org, String reason) {
		return jdbc.sql("select id from outcomes_alert where org_code = ? and reason = ? and indicator_id = any (?)")
			.params(org, reason, AlertsTestData.BASE_INDICATORS.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	private void expectTotal(String username, int total) throws Exception {
		mvc.perform(get("/api/v1/outcomes/alerts").with(httpBasic(username, PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(total));
	}

	private Cookie session(String username) throws Exception {
		return mvc.perform(formLogin().user(username).password(PASSWORD)).andReturn().getResponse().getCookie("SESSION");
	}
}
