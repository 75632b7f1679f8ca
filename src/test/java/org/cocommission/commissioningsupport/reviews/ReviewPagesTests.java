package org.cocommission.commissioningsupport.reviews;

import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.SignIn;
import org.cocommission.identity.UserAccounts;
import org.cocommission.platform.FinancialYear;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review pages and API over HTTP for every role: a CCG answers its own review on a page (signed in, no one-time
 * link), a bad answer is a 400 naming the field, and the comparison, its CSV and JSON are NHS England's and area teams'.
 */
@SpringBootTest(properties = "cocommission.test.context=commissioningsupport")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewPagesTests {

	private static final String PASSWORD = "reviews-pages-password";

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final String year = FinancialYear.containing(LocalDate.now()).toString().replace('/', '-');

	private Map<String, Cookie> sessions;

	@Autowired
	ReviewPagesTests(MockMvc mvc, JdbcClient jdbc, UserAccounts accounts) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/** Area team CRQ with CCGs CRC1 and CRC2, practice CRP1 in CRC1, and the support unit 0CR sold to CRC1. */
	@BeforeAll
	void directoryUsersAndAPurchase() throws Exception {
		for (String[] org : new String[][] { { "CRQ", "AREA_TEAM" }, { "0CR", "CSU" }, { "CRC1", "CCG" },
				{ "CRC2", "CCG" }, { "CRP1", "GP_PRACTICE" } }) {
			jdbc.sql("insert into directory_organisation (code, type, name, status) values (?, ?, ?, 'A')")
				.params(org[0], org[1], "Organisation " + org[0])
				.update();
		}
		for (String[] link : new String[][] { { "CRC1", "CRQ" }, { "CRC2", "CRQ" }, { "CRP1", "CRC1" } }) {
			jdbc.sql("insert into directory_relationship (child_code, parent_code, valid_from) values (?, ?, ?)")
				.params(link[0], link[1], LocalDate.of(2013, 4, 1))
				.update();
		}
		accounts.create(new NewUser("cr-national", "National", null, Role.NATIONAL, "X24", PASSWORD));
		accounts.create(new NewUser("cr-area", "Area", null, Role.AREA_TEAM, "CRQ", PASSWORD));
		accounts.create(new NewUser("cr-ccg1", "CCG one", null, Role.CCG, "CRC1", PASSWORD));
		accounts.create(new NewUser("cr-ccg2", "CCG two", null, Role.CCG, "CRC2", PASSWORD));
		accounts.create(new NewUser("cr-practice", "Practice", null, Role.PRACTICE, "CRP1", PASSWORD));
		sessions = new java.util.HashMap<>();
		for (String user : new String[] { "cr-national", "cr-area", "cr-ccg1", "cr-ccg2", "cr-practice" }) {
			sessions.put(user, SignIn.session(mvc, user, PASSWORD));
		}
		mvc.perform(post("/commissioning-support/ccgs/CRC1").with(csrf())
			.cookie(sessions.get("cr-ccg1"))
			.param("serviceCode", "BUSINESS_INTELLIGENCE")
			.param("mode", "BUY")
			.param("providerCode", "0CR")
			.param("annualValue", "150000"))
			.andExpect(redirectedUrl("/commissioning-support/ccgs/CRC1"));
	}

	@Test
	void aCcgAnswersItsReviewOnAPageAndTheComparisonWithholdsASingleCcg() throws Exception {
		Cookie ccg = sessions.get("cr-ccg1");
		String form = "/commissioning-support/ccgs/CRC1/reviews/" + year + "/BUSINESS_INTELLIGENCE";
		mvc.perform(get("/commissioning-support/ccgs/CRC1/reviews").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not answered yet")));
		mvc.perform(post(form).with(csrf()).cookie(ccg).param("accuracy", "4").param("overall", "9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose an answer from strongly disagree to strongly agree")))
			.andExpect(content().string(containsString("name=\"accuracy\" checked=\"checked\"")));
		mvc.perform(post(form).with(csrf())
			.cookie(ccg)
			.param("accuracy", "4")
			.param("localKnowledge", "4")
			.param("timeliness", "3")
			.param("communication", "4")
			.param("valueForMoney", "3")
			.param("overall", "4")
			.param("comments", "Reports are good; ad hoc requests are slow"))
			.andExpect(redirectedUrl("/commissioning-support/ccgs/CRC1/reviews?year=" + year));
		mvc.perform(get("/commissioning-support/ccgs/CRC1/reviews?year=" + year).cookie(ccg))
			.andExpect(content().string(containsString("Answered on")));

		for (String user : new String[] { "cr-area", "cr-national" }) {
			mvc.perform(get("/commissioning-support/reviews?year=" + year).cookie(sessions.get(user)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Not shown: fewer than 5")));
			mvc.perform(get("/commissioning-support/reviews.csv?year=" + year).cookie(sessions.get(user)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Organisation 0CR,1,,")));
			mvc.perform(get("/api/v1/commissioning-support/reviews/" + year + "/comparison").cookie(sessions.get(user)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.provider.code == '0CR')].withheld").value(true));
		}
	}

	@Test
	void aBadAnswerThroughTheApiIsABadRequestNamingTheField() throws Exception {
		mvc.perform(put("/api/v1/commissioning-support/ccgs/CRC1/reviews/" + year + "/BUSINESS_INTELLIGENCE")
			.with(csrf())
			.cookie(sessions.get("cr-ccg1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accuracy\":6,\"localKnowledge\":4,\"timeliness\":4,\"communication\":4,\"valueForMoney\":4,"
					+ "\"overall\":4}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("accuracy"));
	}

	@Test
	void eachRoleReachesOnlyItsOwn() throws Exception {
		String review = "/commissioning-support/ccgs/CRC1/reviews";
		String api = "/api/v1/commissioning-support/ccgs/CRC1/reviews/" + year;
		String comparison = "/commissioning-support/reviews";
		mvc.perform(get(review)).andExpect(status().is3xxRedirection());
		mvc.perform(get(api)).andExpect(status().isUnauthorized());
		mvc.perform(get(comparison)).andExpect(status().is3xxRedirection());
		mvc.perform(get(api).cookie(sessions.get("cr-ccg1"))).andExpect(status().isOk());
		for (String user : new String[] { "cr-ccg2", "cr-practice", "cr-area", "cr-national" }) {
			mvc.perform(get(review).cookie(sessions.get(user))).andExpect(status().isForbidden());
			mvc.perform(get(api).cookie(sessions.get(user))).andExpect(status().isForbidden());
			// Refused before the (empty, so invalid) body is looked at.
			mvc.perform(put(api + "/BUSINESS_INTELLIGENCE").with(csrf())
				.cookie(sessions.get(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}")).andExpect(status().isForbidden());
		}
		for (String user : new String[] { "cr-ccg1", "cr-practice" }) {
			mvc.perform(get(comparison).cookie(sessions.get(user))).andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/commissioning-support/reviews/" + year + "/comparison").cookie(sessions.get(user)))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/commissioning-support/ccgs/CRC1/service-levels").cookie(sessions.get("cr-area")))
			.andExpect(status().isOk());
		mvc.perform(get("/commissioning-support/ccgs/CRC1/service-levels").cookie(sessions.get("cr-practice")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/commissioning-support/ccgs/CRC1/service-levels").with(csrf())
			.cookie(sessions.get("cr-area"))
			.param("serviceCode", "")).andExpect(status().isForbidden());
		mvc.perform(post("/commissioning-support/ccgs/CRC1/service-levels").with(csrf())
			.cookie(sessions.get("cr-ccg1"))
			.param("serviceCode", "BUSINESS_INTELLIGENCE")
			.param("name", "Monthly reports on time")
			.param("targetPercent", "95"))
			.andExpect(redirectedUrl("/commissioning-support/ccgs/CRC1/service-levels"));
		mvc.perform(get("/commissioning-support/ccgs/CRC1/service-levels").cookie(sessions.get("cr-ccg1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Monthly reports on time")))
			.andExpect(content().string(containsString("quarter")));
	}
}
