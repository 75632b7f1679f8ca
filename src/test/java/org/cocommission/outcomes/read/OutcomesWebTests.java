package org.cocommission.outcomes.read;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.OutcomesTestData;

import jakarta.servlet.http.Cookie;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.outcomes.OutcomesTestData.PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API contract, access (values for every signed-in user, imports national only) and the pages. */
@SpringBootTest(properties = "cocommission.test.context=outcomes")
@AutoConfigureMockMvc
class OutcomesWebTests {

	private static final String CSV = "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n"
			+ "A81001,PRAC-DMHBA,2019/20,200,286\nA81002,PRAC-DMHBA,2019/20,900,1258\nB00001,PRAC-DMHBA,2019/20,300,400\n"
			+ "B00002,PRAC-DMHBA,2019/20,120,200\nA81004,PRAC-DMHBA,2019/20,70,100\nA81005,PRAC-DMHBA,2019/20,50,100\n"
			+ "A81006,PRAC-DMHBA,2019/20,60,100\nB00003,PRAC-DMHBA,2019/20,80,100\n";

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final DirectoryImports directoryImports;

	private final UserAccounts accounts;

	@Autowired
	OutcomesWebTests(MockMvc mvc, JdbcClient jdbc, DirectoryImports directoryImports, UserAccounts accounts) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.directoryImports = directoryImports;
		this.accounts = accounts;
	}

	@BeforeEach
	void directory() {
		OutcomesTestData.directory(jdbc, directoryImports, accounts);
	}

	@Test
	void thePublishedQofFileImportsWholeWithItsWarningsListedAndFlaggedInTheValues() throws Exception {
		mvc.perform(post("/api/v1/outcomes/imports/qof-prevalence").param("period", "2019/20")
			.with(httpBasic("outcomes-national", PASSWORD))
			.contentType("text/csv")
			.content("\uFEFFPRACTICE_CODE,GROUP_CODE,REGISTER,PATIENT_LIST_TYPE,PATIENT_LIST_SIZE\r\n"
					+ "A81001,LD,25,TOTAL,4111\r\nB00001,LD,130,TOTAL,120\r\n\r\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stored").value(2))
			.andExpect(jsonPath("$.errors").isEmpty())
			.andExpect(jsonPath("$.warnings[0].row").value(3))
			.andExpect(jsonPath("$.warnings[0].message").value(containsString("above denominator")));
		mvc.perform(get("/api/v1/outcomes/values").param("indicator", "QOF-LD").param("level", "practice")
			.param("period", "2019/20")
			.with(httpBasic("outcomes-practice", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].orgCode").value("A81001"))
			.andExpect(jsonPath("$[0].aboveDenominator").value(false))
			.andExpect(jsonPath("$[1].orgCode").value("B00001"))
			.andExpect(jsonPath("$[1].aboveDenominator").value(true))
			.andExpect(jsonPath("$[1].lower95").doesNotExist());
	}

	@Test
	void aNationalUserImportsThroughTheApiAndEveryoneSignedInReadsTheValues() throws Exception {
		mvc.perform(post("/api/v1/outcomes/imports/long").with(httpBasic("outcomes-national", PASSWORD))
			.contentType("text/csv")
			.content(CSV))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rowsRead").value(8))
			.andExpect(jsonPath("$.stored").value(8))
			.andExpect(jsonPath("$.errors").isEmpty());
		mvc.perform(get("/api/v1/outcomes/values").param("indicator", "PRAC-DMHBA").param("level", "ccg")
			.param("period", "2019/20")
			.with(httpBasic("outcomes-practice", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].orgCode").value("01A"))
			.andExpect(jsonPath("$[0].numerator").value(1520.0))
			.andExpect(jsonPath("$[0].denominator").value(2144.0))
			.andExpect(jsonPath("$[0].value").value(100.0 * 1520 / 2144))
			.andExpect(jsonPath("$[0].lower95").exists())
			.andExpect(jsonPath("$[0].upper998").exists())
			.andExpect(jsonPath("$[0].comparedToEngland").value("SIMILAR"))
			.andExpect(jsonPath("$[0].decile").isEmpty());
		mvc.perform(get("/api/v1/outcomes/values").param("indicator", "PRAC-DMHBA").param("level", "practice")
			.param("period", "2019/20")
			.with(httpBasic("outcomes-ccg", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(8))
			.andExpect(jsonPath("$[0].decile").isNumber());
		mvc.perform(get("/api/v1/outcomes/values").param("indicator", "PRAC-DMHBA").param("level", "england")
			.param("period", "2019/20")
			.with(httpBasic("outcomes-ccg", PASSWORD)))
			.andExpect(jsonPath("$[0].orgCode").value("X24"))
			.andExpect(jsonPath("$[0].denominator").value(2544.0));
	}

	@Test
	void theIcbLevelIsOfferedAndSaysWhyAPeriodBeforeIcbsHasNone() throws Exception {
		mvc.perform(post("/api/v1/outcomes/imports/long").with(httpBasic("outcomes-national", PASSWORD))
			.contentType("text/csv")
			.content(CSV))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/outcomes/values").param("indicator", "PRAC-DMHBA").param("level", "icb")
			.param("period", "2019/20")
			.param("structure", "as-was")
			.with(httpBasic("outcomes-ccg", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA").param("level", "icb").param("period", "2019/20")
			.cookie(session("outcomes-ccg")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"icb\" selected=\"selected\">ICBs</option>")))
			.andExpect(content().string(containsString("Integrated care boards were established on 1 July 2022")));
	}

	@Test
	void theStoredObservationsAreReadPageByPageForOneIndicator() throws Exception {
		mvc.perform(post("/api/v1/outcomes/imports/long").with(httpBasic("outcomes-national", PASSWORD))
			.contentType("text/csv")
			.content(CSV)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/outcomes/observations").param("indicator", "PRAC-DMHBA").param("size", "3")
			.param("page", "1")
			.with(httpBasic("outcomes-practice", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(8))
			.andExpect(jsonPath("$.items.length()").value(3))
			.andExpect(jsonPath("$.items[0].orgCode").value("A81005"))
			.andExpect(jsonPath("$.items[0].period").value("2019/20"))
			.andExpect(jsonPath("$.items[0].numerator").value(50.0))
			.andExpect(jsonPath("$.items[0].denominator").value(100.0));
		mvc.perform(get("/api/v1/outcomes/observations").param("indicator", "PRAC-DMHBA").param("org", "a81002")
			.param("period", "2019/20")
			.with(httpBasic("outcomes-ccg", PASSWORD)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].numerator").value(900.0));
		mvc.perform(get("/api/v1/outcomes/observations").param("indicator", "NO-SUCH")
			.with(httpBasic("outcomes-ccg", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/outcomes/observations").param("indicator", "PRAC-DMHBA").param("size", "5001")
			.with(httpBasic("outcomes-ccg", PASSWORD))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/outcomes/observations").param("indicator", "PRAC-DMHBA"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anInvalidFileIs422WithRowNumbersAndNothingStored() throws Exception {
		long before = jdbc.sql("select count(*) from outcomes_observation").query(Long.class).single();
		mvc.perform(post("/api/v1/outcomes/imports/long").with(httpBasic("outcomes-national", PASSWORD))
			.contentType("text/csv")
			.content("ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\nB00001,PRAC-DMHBA,2020/21,5,10\n"
					+ "A81001,PRAC-DMHBA,2020/21,-50,10\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rowsRead").value(2))
			.andExpect(jsonPath("$.stored").value(0))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].message", containsString("negative")));
		assertThat(jdbc.sql("select count(*) from outcomes_observation").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void onlyNationalUsersImport() throws Exception {
		mvc.perform(post("/api/v1/outcomes/imports/long").with(httpBasic("outcomes-ccg", PASSWORD))
			.contentType("text/csv")
			.content(CSV))
			.andExpect(status().isForbidden());
		mvc.perform(get("/outcomes/imports").cookie(session("outcomes-practice"))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from outcomes_observation").query(Long.class).single()).isZero();
	}

	@Test
	void anonymousUsersSeeNoValues() throws Exception {
		mvc.perform(get("/api/v1/outcomes/values").param("indicator", "PRAC-DMHBA")).andExpect(status().isUnauthorized());
	}

	@Test
	void unknownFormatOrLevelIsABadRequest() throws Exception {
		mvc.perform(post("/api/v1/outcomes/imports/xlsx").with(httpBasic("outcomes-national", PASSWORD))
			.contentType("text/csv")
			.content(CSV))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/outcomes/values").param("indicator", "PRAC-DMHBA").param("level", "ward")
			.param("period", "2019/20")
			.with(httpBasic("outcomes-ccg", PASSWORD)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void peersAreTheNearestCcgsWithTheirDistances() throws Exception {
		mvc.perform(post("/api/v1/outcomes/peers/recompute").with(httpBasic("outcomes-national", PASSWORD)))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/outcomes/peers/01A").with(httpBasic("outcomes-practice", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].rank").value(1))
			.andExpect(jsonPath("$[0].ccgCode").value("01B"))
			.andExpect(jsonPath("$[0].distance", greaterThan(0.0)));
		mvc.perform(post("/api/v1/outcomes/peers/recompute").with(httpBasic("outcomes-ccg", PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aCommissionerFindsTheirCcgAgainstItsPeersAndOpensTheDecilesChart() throws Exception {
		Cookie national = session("outcomes-national");
		mvc.perform(get("/outcomes").cookie(national)).andExpect(status().isOk())
			.andExpect(content().string(containsString("There are no outcomes values yet")));
		mvc.perform(post("/outcomes/imports").cookie(national).with(csrf()).param("format", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("Choose what kind of file this is")))
			.andExpect(content().string(containsString("Choose a CSV file to upload")));
		String location = mvc.perform(multipart("/outcomes/imports").file(new MockMultipartFile("file", "hba1c.csv",
				"text/csv", CSV.getBytes())).param("format", "long").cookie(national).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/outcomes/imports/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		awaitImport(id);
		mvc.perform(get(location).cookie(national)).andExpect(content().string(containsString("Imported 8 rows")));
		mvc.perform(post("/api/v1/outcomes/peers/recompute").with(httpBasic("outcomes-national", PASSWORD))).andExpect(status().isOk());

		Cookie commissioner = session("outcomes-ccg");
		mvc.perform(get("/outcomes").cookie(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/outcomes/ccgs/01A")))
			.andExpect(content().string(containsString("/outcomes/indicators/PRAC-DMHBA")));
		mvc.perform(get("/outcomes/ccgs").param("code", "01A").cookie(commissioner))
			.andExpect(redirectedUrl("/outcomes/ccgs/01A"));
		mvc.perform(get("/outcomes/ccgs/01A").cookie(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-chart-type=\"spine\"")))
			.andExpect(content().string(containsString("NHS SECOND CCG")))
			.andExpect(content().string(containsString("/outcomes/indicators/PRAC-DMHBA?level=ccg&amp;period=2019/20&amp;org=01A")));
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA").param("level", "ccg").param("period", "2019/20")
			.param("org", "01A")
			.cookie(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-chart-type=\"deciles\"")))
			.andExpect(content().string(containsString("data-chart-type=\"funnel\"")))
			.andExpect(content().string(containsString(">Proportion (%); Wilson score interval<")))
			.andExpect(content().string(containsString("id=\"league\"")))
			.andExpect(content().string(containsString("<a href=\"/outcomes/ccgs/01A\">NHS FIRST CCG (01A)</a>")))
			.andExpect(content().string(containsString("id=\"funnel-table-link\"")))
			.andExpect(content().string(containsString("Structure: Every period re-mapped onto the organisations of")));
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA").param("level", "ccg").param("period", "2019/20")
			.param("structure", "as-was")
			.cookie(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Structure: Each period in the organisations of its own time")));
		mvc.perform(get("/api/v1/outcomes/values").param("indicator", "PRAC-DMHBA").param("level", "ccg")
			.param("period", "2019/20")
			.param("structure", "2019-03-31")
			.with(httpBasic("outcomes-practice", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2));
		mvc.perform(get("/api/v1/outcomes/values").param("indicator", "PRAC-DMHBA").param("level", "ccg")
			.param("period", "2019/20")
			.param("structure", "last-year")
			.with(httpBasic("outcomes-practice", PASSWORD)))
			.andExpect(status().isBadRequest());
		// The funnel plot's table: its own page, or only the table when htmx opens it in place.
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA/funnel").param("level", "ccg").param("period", "2019/20")
			.cookie(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Funnel plot as a table: CCGs, 2019/20</h1>")))
			.andExpect(content().string(containsString("id=\"funnel-table\"")))
			.andExpect(content().string(containsString("NHS SECOND CCG (01B)")));
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA/funnel").param("level", "ccg").param("period", "2019/20")
			.header("HX-Request", "true")
			.cookie(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"funnel-table\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<h1>"))));
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA").param("level", "practice").param("sort", "value")
			.param("dir", "asc").cookie(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PRACTICE A81005")))
			.andExpect(content().string(containsString("data-chart-url=\"http://localhost/outcomes/indicators/PRAC-DMHBA/"
					+ "funnel.json?level=practice&amp;period=2019/20\"")));
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA/funnel.json").param("level", "practice")
			.param("period", "2019/20")
			.cookie(commissioner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.points.length()").value(8))
			.andExpect(jsonPath("$.limits").isArray());
		mvc.perform(get("/outcomes/ccgs/01A/spine.csv").cookie(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PRAC-DMHBA")));
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA/values.csv").param("level", "practice").param("period", "2019/20")
			.cookie(commissioner)).andExpect(status().isOk()).andExpect(content().string(containsString("A81001")));
		// The link on every indicator page carries an empty parent: blank means "not given", not "no parent".
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA/values.csv").param("level", "practice").param("period", "2019/20")
			.param("parent", "")
			.cookie(commissioner)).andExpect(status().isOk()).andExpect(content().string(containsString("A81001")));
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA/deciles.csv").param("level", "practice").param("org", "A81001")
			.cookie(commissioner)).andExpect(status().isOk()).andExpect(content().string(containsString("2019/20")));
	}

	private Cookie session(String username) throws Exception {
		return mvc.perform(formLogin().user(username).password(PASSWORD)).andReturn().getResponse().getCookie("SESSION");
	}

	/** The upload runs in the background; wait on its recorded status rather than sleeping. */
	private void awaitImport(long id) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline) {
			String status = jdbc.sql("select status from outcomes_import where id = ?").param(id).query(String.class).single();
			if (!status.equals("RUNNING")) {
				assertThat(status).isEqualTo("COMMITTED");
				return;
			}
			Thread.onSpinWait();
		}
		throw new AssertionError("Import " + id + " did not finish");
	}
}
