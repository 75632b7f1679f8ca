package org.cocommission.commissioningsupport;

import java.time.LocalDate;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.SignIn;
import org.cocommission.identity.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API and pages: a CCG records and reads its arrangements, refusals are 400 or 403, the market is national. */
@SpringBootTest(properties = "cocommission.test.context=commissioningsupport")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommissioningSupportApiTests {

	private static final String PASSWORD = "support-api-password";

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private Cookie national;

	private Cookie ccg;

	@Autowired
	CommissioningSupportApiTests(MockMvc mvc, JdbcClient jdbc, UserAccounts accounts) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@BeforeAll
	void directoryAndUsers() throws Exception {
		for (String[] org : new String[][] { { "CAQ", "AREA_TEAM" }, { "0CA", "CSU" }, { "CAC1", "CCG" },
				{ "CAC2", "CCG" } }) {
			jdbc.sql("insert into directory_organisation (code, type, name, status) values (?, ?, ?, 'A')")
				.params(org[0], org[1], "Organisation " + org[0])
				.update();
		}
		for (String child : new String[] { "CAC1", "CAC2" }) {
			jdbc.sql("insert into directory_relationship (child_code, parent_code, valid_from) values (?, 'CAQ', ?)")
				.params(child, LocalDate.of(2013, 4, 1))
				.update();
		}
		accounts.create(new NewUser("cs-api-national", "National", null, Role.NATIONAL, "X24", PASSWORD));
		accounts.create(new NewUser("cs-api-ccg", "CCG", null, Role.CCG, "CAC1", PASSWORD));
		national = SignIn.session(mvc, "cs-api-national", PASSWORD);
		ccg = SignIn.session(mvc, "cs-api-ccg", PASSWORD);
	}

	@Test
	void aCcgRunsACallOffThroughTheApiAndAwardsItBehindAConfirmationPage() throws Exception {
		accounts.create(new NewUser("cs-api-ccg2", "CCG two", null, Role.CCG, "CAC2", PASSWORD));
		Cookie ccg = SignIn.session(mvc, "cs-api-ccg2", PASSWORD);
		String started = mvc.perform(post("/api/v1/commissioning-support/ccgs/CAC2/call-offs").with(csrf())
			.cookie(ccg)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\": \"BUSINESS_INTELLIGENCE\", \"title\": \"BI\", \"requirements\": \"Dashboards\","
					+ " \"qualityWeight\": 60, \"priceWeight\": 30, \"deliveryWeight\": 10}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.criteria.length()").value(3))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(started.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
		String calls = "/api/v1/commissioning-support/call-offs/" + id;
		mvc.perform(post(calls + "/bids").with(csrf()).cookie(ccg).contentType(MediaType.APPLICATION_JSON)
			.content("{\"providerCode\": \"0CA\", \"annualValue\": 50000}")).andExpect(status().isOk());
		mvc.perform(post(calls + "/evaluators").with(csrf()).cookie(ccg).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Ann\"}")).andExpect(status().isOk());
		mvc.perform(post(calls + "/scores").with(csrf()).cookie(ccg).contentType(MediaType.APPLICATION_JSON)
			.content("{\"evaluator\": \"Ann\", \"providerCode\": \"0CA\", \"criterion\": 1, \"score\": 9}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("score"));
		for (int criterion = 1; criterion <= 3; criterion++) {
			mvc.perform(post(calls + "/scores").with(csrf()).cookie(ccg).contentType(MediaType.APPLICATION_JSON)
				.content("{\"evaluator\": \"Ann\", \"providerCode\": \"0CA\", \"criterion\": " + criterion
						+ ", \"score\": 4}"))
				.andExpect(status().isOk());
		}
		mvc.perform(get("/commissioning-support/call-offs/" + id).cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("80.0")));
		String end = LocalDate.now().plusYears(2).toString();
		mvc.perform(get("/commissioning-support/call-offs/" + id + "/award?providerCode=0CA&contractEnd=" + end)
			.cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Confirm the award")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("standstill runs until")));
		mvc.perform(post("/commissioning-support/call-offs/" + id + "/award").with(csrf())
			.cookie(ccg)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("providerCode=0CA&contractEnd=" + end))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/commissioning-support/arrangements?ccg=CAC2").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.service.code == 'BUSINESS_INTELLIGENCE')].provider.code").value("0CA"));
		mvc.perform(get("/commissioning-support/ccgs/CAC1/call-offs").cookie(ccg)).andExpect(status().isForbidden());
	}

	@Test
	void aCcgRecordsAnArrangementAndReadsItBack() throws Exception {
		mvc.perform(put("/api/v1/commissioning-support/arrangements/CAC1").with(csrf())
			.cookie(ccg)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"CONTRACTING\",\"mode\":\"BUY\",\"providerCode\":\"0CA\","
					+ "\"annualValue\":95000,\"endDate\":\"2017-03-31\"}"))
			.andExpect(status().isOk());

		mvc.perform(get("/api/v1/commissioning-support/arrangements?ccg=CAC1").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].mode").value("BUY"))
			.andExpect(jsonPath("$[0].provider.code").value("0CA"))
			.andExpect(jsonPath("$[0].endDate").value("2017-03-31"));
	}

	@Test
	void anotherCcgsArrangementsAreRefusedBeforeTheBodyIsChecked() throws Exception {
		mvc.perform(put("/api/v1/commissioning-support/arrangements/CAC2").with(csrf())
			.cookie(ccg)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/commissioning-support/arrangements?ccg=CAC2").cookie(ccg))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/commissioning-support/market-shares").cookie(ccg)).andExpect(status().isForbidden());
	}

	@Test
	void aBuyWithNoProviderIsABadRequestNamingTheField() throws Exception {
		mvc.perform(put("/api/v1/commissioning-support/arrangements/CAC1").with(csrf())
			.cookie(ccg)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceCode\":\"IT\",\"mode\":\"BUY\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("providerCode"));
	}

	@Test
	void theCcgPageRecordsAnArrangementAndTheNationalPageShowsTheMarket() throws Exception {
		mvc.perform(post("/commissioning-support/ccgs/CAC1").with(csrf())
			.cookie(ccg)
			.param("serviceCode", "BUSINESS_INTELLIGENCE")
			.param("mode", "BUY")
			.param("providerCode", "0CA")
			.param("annualValue", "250000"))
			.andExpect(redirectedUrl("/commissioning-support/ccgs/CAC1"));
		mvc.perform(post("/commissioning-support/ccgs/CAC1").with(csrf())
			.cookie(ccg)
			.param("serviceCode", "HR")
			.param("mode", "SHARE")
			.param("sharedWith", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the codes of the other CCGs")));
		mvc.perform(get("/commissioning-support/ccgs/CAC1").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("£250,000")));
		mvc.perform(get("/commissioning-support/national").cookie(national))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Organisation 0CA")));
		mvc.perform(get("/commissioning-support/national").cookie(ccg)).andExpect(status().isForbidden());
	}
}
