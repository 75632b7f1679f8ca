package org.cocommission.workforce;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The workforce API as machines use it: files posted as published, 200 report or 422, measures by level and scope. */
@SpringBootTest(properties = "cocommission.test.context=workforce")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkforceApiTests {

	private static final String PASSWORD = "workforce-api-password";

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private Cookie national;

	private Cookie ccg;

	@Autowired
	WorkforceApiTests(MockMvc mvc, JdbcClient jdbc, UserAccounts accounts) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@BeforeAll
	void directoryUsersAndAMonth() throws Exception {
		WorkforceTestFiles.directory(jdbc);
		accounts.create(new NewUser("wf-api-national", "National", null, Role.NATIONAL, "X24", PASSWORD));
		accounts.create(new NewUser("wf-api-ccg", "CCG", null, Role.CCG, "WFC1", PASSWORD));
		national = SignIn.session(mvc, "wf-api-national", PASSWORD);
		ccg = SignIn.session(mvc, "wf-api-ccg", PASSWORD);
		mvc.perform(csv(post("/api/v1/workforce/imports/practice-detailed"), WorkforceTestFiles.DETAILED_2015_09)
			.cookie(national))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.month").value("2015-09"))
			.andExpect(jsonPath("$.rowsStored").value(4))
			.andExpect(jsonPath("$.warnings", hasSize(2)));
	}

	@Test
	void aFileWithErrorsIsRefusedWith422NamingTheRows() throws Exception {
		mvc.perform(csv(post("/api/v1/workforce/imports/practice-detailed?date=2016-03"),
				WorkforceTestFiles.DETAILED_WITH_ERRORS)
			.cookie(national))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].row", contains(3, 4, 5)))
			.andExpect(jsonPath("$.rowsStored").value(0));
	}

	@Test
	void aMonthThatIsNotAMonthIsABadRequest() throws Exception {
		mvc.perform(csv(post("/api/v1/workforce/imports/practice-detailed?date=September"),
				WorkforceTestFiles.DETAILED_2015_09)
			.cookie(national))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
	}

	@Test
	void onlyNationalUsersImport() throws Exception {
		mvc.perform(csv(post("/api/v1/workforce/imports/hchs"), WorkforceTestFiles.HCHS).cookie(ccg))
			.andExpect(status().isForbidden());
		mvc.perform(csv(post("/api/v1/workforce/imports/hchs"), WorkforceTestFiles.HCHS))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void answersTheMeasureForEachCcgTheUserMaySee() throws Exception {
		mvc.perform(get("/api/v1/workforce/measures?measure=GP_FTE_PER_10K&level=ccg&date=2015-09").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].orgCode").value("WFC1"))
			.andExpect(jsonPath("$[0].numerator").value(6.0))
			.andExpect(jsonPath("$[0].denominator").value(10000.0))
			.andExpect(jsonPath("$[0].value").value(6.0))
			.andExpect(jsonPath("$[0].withheld").value(false))
			.andExpect(jsonPath("$[0].practicesLeftOut").value(1));
		mvc.perform(get("/api/v1/workforce/measures?measure=GP_FTE_PER_10K&level=england&date=2015-09").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].orgCode").value("ENGLAND"));
	}

	@Test
	void anUnknownMeasureIsABadRequest() throws Exception {
		mvc.perform(get("/api/v1/workforce/measures?measure=GP_HC_PER_10K&level=ccg&date=2015-09").cookie(national))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("measure"));
	}

	@Test
	void thePageShowsTheMeasureAndItsCsvForEveryone() throws Exception {
		mvc.perform(get("/workforce?measure=GP_FTE_PER_10K&level=practice&date=2015-09").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("The First Surgery")));
		mvc.perform(get("/workforce/measures.csv?measure=GP_FTE_PER_10K&level=practice&date=2015-09").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.startsWith("Code,Name,")))
			// Figures as the page shows them, not as stored ("6.0000" FTE once).
			.andExpect(content().string(org.hamcrest.Matchers.not(
					org.hamcrest.Matchers.matchesPattern("(?s).*\\d\\.\\d{4,}.*"))));
	}

	@Test
	void aPageLinkWithAMonthThatIsNotOneIsABadRequestSayingHowToWriteIt() throws Exception {
		mvc.perform(get("/workforce/measures.csv?measure=GP_FTE_PER_10K&level=practice&date=September").cookie(ccg))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Enter the month as YYYY-MM")));
		mvc.perform(get("/workforce?level=county").cookie(ccg))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Choose a level: practice, ccg, icb or england")));
	}

	@Test
	void theCcgsPageShowsPeersSkillMixPartnersAndPlanning() throws Exception {
		mvc.perform(get("/workforce?measure=GP_FTE_PER_10K&level=ccg&date=2015-09").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"peers\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Skill mix in England")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Partners and salaried GPs over time")));
		mvc.perform(get("/workforce?measure=GP_FTE_PER_10K&level=icb&date=2015-09").cookie(national))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("ICBs began on 1 July 2022")));
		mvc.perform(get("/workforce/planning").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Set the target")));
	}

	@Test
	void theCcgsPageDrawsItsPeersWhenTheOutcomesModuleHasChosenThem() throws Exception {
		jdbc.sql("insert into outcomes_peer (ccg_code, rank, peer_code, distance, computed_at)"
				+ " values ('WFC1', 1, 'WFC2', 0.5, now()) on conflict do nothing").update();

		mvc.perform(get("/workforce?measure=GP_FTE_PER_10K&level=ccg&date=2015-09").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"peer-chart\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("The peers together")));
	}

	@Test
	void aCcgSetsItsTargetOnThePageAndThroughTheApiButNotAnothers() throws Exception {
		mvc.perform(post("/workforce/planning/WFC1").cookie(ccg)
			.with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("measure=GP_FTE_PER_10K&target=abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("nhsuk-error-summary")));
		mvc.perform(post("/workforce/planning/WFC1").cookie(ccg)
			.with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("measure=GP_FTE_PER_10K&target=6.5"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/workforce/plan?ccg=WFC1&measure=GP_FTE_PER_10K&date=2015-09").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.target").value(6.5))
			.andExpect(jsonPath("$.total.targetFte").value(6.5))
			.andExpect(jsonPath("$.total.gapFte").value(0.5));
		mvc.perform(put("/api/v1/workforce/targets/WFC2").cookie(ccg)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"measure\": \"GP_FTE_PER_10K\", \"target\": 7}"))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/workforce/targets/WFC1").cookie(ccg)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"measure\": \"GP_FTE_PER_10K\", \"target\": 0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("target"));
		mvc.perform(get("/workforce/planning.csv?ccg=WFC1&measure=GP_FTE_PER_10K&date=2015-09").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Gap (FTE short of target)")));
	}

	private static MockHttpServletRequestBuilder csv(MockHttpServletRequestBuilder request, String body) {
		return request.with(csrf()).contentType(MediaType.valueOf("text/csv")).content(body);
	}
}
