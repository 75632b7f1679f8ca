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
