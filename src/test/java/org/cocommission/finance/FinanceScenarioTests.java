package org.cocommission.finance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.cocommission.finance.globalsum.GlobalSumPayments;
import org.cocommission.identity.Role;
import org.cocommission.identity.SignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Done when: a finance lead runs next year's allocations, tries a faster pace of change, compares the two, exports
 * the annex and publishes indicative budgets that each CCG then sees (and no other CCG does).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FinanceFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceScenarioTests {

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final FinanceFixture fixture;

	private final Map<String, Cookie> sessions = new HashMap<>();

	private long formulaId;

	@Autowired
	FinanceScenarioTests(MockMvc mvc, JdbcClient jdbc, FinanceFixture fixture) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.fixture = fixture;
	}

	/** Like the demo: a published 2014/15 formula, a 2013/14 baseline and a published 2014/15 run. */
	@BeforeAll
	void demoLikeStart() throws Exception {
		LocalDate extract = LocalDate.of(2014, 1, 1);
		List<String> ccgs = new java.util.ArrayList<>(fixture.area("FSA", "FSC", 6, extract));
		ccgs.addAll(fixture.area("FSB", "FSD", 3, extract));
		fixture.globalSumLists(ccgs);
		fixture.user("fin-national", "Finance lead", Role.NATIONAL, "X24");
		fixture.user("fin-area", "Area team", Role.AREA_TEAM, "FSA");
		fixture.user("fin-ccg", "CCG", Role.CCG, "FSC1");
		fixture.user("fin-ccg-other", "Other CCG", Role.CCG, "FSD1");
		for (String user : List.of("fin-national", "fin-area", "fin-ccg", "fin-ccg-other")) {
			sessions.put(user, SignIn.session(mvc, user, FinanceFixture.PASSWORD));
		}
		formulaId = fixture.publishedFormula("fin-national", "2014/15 formula", "2014/15");
		fixture.baseline("fin-national", 2013, ccgs, i -> 900_000 + (i % 4) * 120_000);
		long run = createRun("2014/15", "10000000");
		mvc.perform(as("fin-national", post("/api/v1/finance/runs/" + run + "/publish"))).andExpect(status().isOk());
		// An unpublished alternative, so there are runs to compare from the start.
		createRun("2014/15", "10000001");
	}

	@Test
	void aFinanceLeadRunsNextYearTriesAFasterPaceComparesExportsAndPublishesAndEachCcgSeesOnlyItsOwn() throws Exception {
		// The finance lead starts on the finance home page and follows links.
		String home = html("fin-national", "/finance");
		String runsPage = html("fin-national", href(home, "link-runs"));
		assertThat(runsPage).contains("Allocations 2015/16").contains("value=\"2015/16\"");

		String runLocation = mvc.perform(page("fin-national", post("/finance/runs")).with(csrf())
			.param("name", "Allocations 2015/16").param("year", "2015/16").param("programme", "CORE_CCG")
			.param("formulaId", String.valueOf(formulaId)).param("envelope", "10,400,000")
			.param("specialisedEnvelope", "2,000,000").param("minimumGrowth", "1.5").param("maximumGrowth", "9")
			.param("gapClosure", "25").param("overTargetFloor", "1.5"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		long first = Long.parseLong(runLocation.substring(runLocation.lastIndexOf('/') + 1));
		String runPage = html("fin-national", runLocation);
		assertThat(runPage).contains("£10,400,000.00").contains("largest-remainder").contains("Published run")
			.contains("distance-chart").contains("min 1.5%, max 9%, gap closed 25%, over-target 1.5%");
		assertThat(between(runPage, "id=\"total-allocation\">", "<")).isEqualTo("£10,400,000.00");
		String recomputed = mvc.perform(page("fin-national", post(runLocation + "/rerun")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(recomputed).endsWith("?recomputed=unchanged");
		assertThat(html("fin-national", recomputed)).contains("came out the same to the penny");

		// A faster pace of change: the same run copied with three times the gap closed.
		String compareLocation = mvc.perform(page("fin-national", post("/finance/runs/" + first + "/scenario")).with(csrf())
			.param("name", "Faster pace").param("envelope", "10400000").param("minimumGrowth", "1.5")
			.param("maximumGrowth", "9").param("gapClosure", "75").param("overTargetFloor", "1.5"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(compareLocation).startsWith("/finance/compare?first=" + first + "&second=");
		long second = Long.parseLong(compareLocation.replaceAll(".*second=(\\d+)", "$1"));
		String compare = html("fin-national", compareLocation);
		assertThat(compare).contains("Winners").contains("Losers").contains("compare-chart").contains("id=\"comparison\"")
			.contains("Distance before %");
		mvc.perform(as("fin-national", get("/api/v1/finance/runs/compare").param("first", String.valueOf(first))
			.param("second", String.valueOf(second))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.winners").isNotEmpty())
			.andExpect(jsonPath("$.losers").isNotEmpty());

		// The annex, from the links on the scenario's page.
		String secondPage = html("fin-national", href(compare, "second-run"));
		byte[] xlsx = mvc.perform(page("fin-national", get(href(secondPage, "export-xlsx"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn().getResponse().getContentAsByteArray();
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheetAt(0);
			List<String> headings = new java.util.ArrayList<>();
			sheet.getRow(0).forEach(cell -> headings.add(cell.getStringCellValue()));
			assertThat(headings).startsWith("CCG code", "CCG", "Raw population", "Weighted population", "Allocation £k",
					"Target £k", "Distance from target £k", "Distance from target %", "Allocation £ per head");
			assertThat(sheet.getLastRowNum()).isEqualTo(9);
			double total = 0;
			for (int row = 1; row <= 9; row++) {
				total += sheet.getRow(row).getCell(headings.indexOf("Allocation £")).getNumericCellValue();
			}
			assertThat(total).isCloseTo(10_400_000, org.assertj.core.data.Offset.offset(0.001));
		}
		String csv = mvc.perform(page("fin-national", get(href(secondPage, "export-csv"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(csv.lines().findFirst().orElseThrow()).startsWith("CCG code,CCG,Raw population,Weighted population,"
				+ "Allocation £k,Target £k,Distance from target £k,Distance from target %,Allocation £ per head");
		assertThat(csv.lines().count()).isEqualTo(10);

		// Publishing the faster scenario from the comparison page: first a page saying what changes for whom.
		String confirmation = html("fin-national", href(compare, "publish-second"));
		assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(confirmation))
			.contains("Publish run " + second + " as indicative budgets")
			.contains("CCGs its 2015/16 indicative budget from this run, and its area team the budgets of its CCGs")
			.contains("freeze this run");
		var published = mvc.perform(page("fin-national", post("/finance/runs/" + second + "/publish")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn();
		String budgetsLocation = published.getResponse().getRedirectedUrl();
		assertThat(html("fin-national", budgetsLocation)).contains("FSC1").contains("FSD1");
		assertThat(published.getFlashMap().get("message").toString()).startsWith("Run " + second + " is published");

		// Each CCG's users are told, with a link to their own budget only.
		assertThat(jdbc.sql("select link from notification_notice where recipient = 'fin-ccg'"
				+ " and title = 'Core CCG services 2015/16 indicative budget published'").query(String.class).list())
			.containsExactly("/finance/budgets/FSC1?year=2015-16");
		assertThat(jdbc.sql("select count(*) from notification_notice where recipient = 'fin-ccg-other'"
				+ " and link = '/finance/budgets/FSD1?year=2015-16'").query(Long.class).single()).isEqualTo(1);

		// A CCG finance lead sees its own budget from the home page, and nothing of any other CCG.
		String ccgHome = html("fin-ccg", "/finance");
		String own = html("fin-ccg", href(ccgHome, "link-own-budget"));
		assertThat(own).contains("NHS FSC1 CCG").contains("2015/16 indicative budget").contains("Peer CCGs")
			.contains("need per head").contains("id=\"peers\"").contains("Published from").contains("Faster pace");
		String allocation = jdbc.sql("select allocation from finance_run_result where run_id = ? and ccg_code = 'FSC1'")
			.param(second).query(java.math.BigDecimal.class).single().toPlainString();
		assertThat(own).contains(org.cocommission.platform.Money.ofPounds(allocation).formatted());
		mvc.perform(page("fin-ccg", get("/finance/budgets/FSC2").param("year", "2015-16")))
			.andExpect(status().isForbidden());
		assertThat(html("fin-ccg", href(ccgHome, "link-budgets"))).contains("FSC1").doesNotContain("FSC2")
			.doesNotContain("FSD1");
		String budgetsCsv = mvc.perform(page("fin-ccg", get("/finance/budgets.csv").param("year", "2015-16")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(budgetsCsv).contains("FSC1").contains("Faster pace").doesNotContain("FSC2").doesNotContain("FSD1");
		mvc.perform(page("fin-ccg-other", get("/api/v1/finance/budgets/FSD1").param("year", "2015/16")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].runId").value(second));
		mvc.perform(page("fin-ccg-other", get("/api/v1/finance/budgets/FSC1").param("year", "2015/16")))
			.andExpect(status().isForbidden());
		mvc.perform(page("fin-area", get("/api/v1/finance/budgets").param("year", "2015/16")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(6));
		mvc.perform(page("fin-area", get("/finance/budgets/FSC3").param("year", "2015-16")))
			.andExpect(status().isOk());
		mvc.perform(page("fin-area", get("/api/v1/finance/budgets/FSD1").param("year", "2015/16")))
			.andExpect(status().isForbidden());
		mvc.perform(page("fin-national", get("/api/v1/finance/budgets").param("year", "2015/16")))
			.andExpect(jsonPath("$.length()").value(9));
		// Only national users reach runs.
		mvc.perform(page("fin-ccg", get("/finance/runs"))).andExpect(status().isForbidden());
		mvc.perform(page("fin-ccg", get("/finance/runs/" + second + "/annex.csv"))).andExpect(status().isForbidden());
	}

	/** Once the application is ready, England's pass is worked out as the system; it once needed a signed-in user. */
	@Test
	void englandsGlobalSumPassIsWorkedOutAheadOfTheFirstPageAsTheSystem(@Autowired GlobalSumPayments payments) {
		assertThat(org.cocommission.identity.ActingAs.system(payments::prepareLatest)).isTrue();
	}

	@Test
	void everyFinancePageIsReachableByLinksFromTheHomePage() throws Exception {
		String home = html("fin-national", "/finance");
		assertThat(html("fin-national", href(home, "link-budgets"))).contains("Indicative budgets");
		assertThat(html("fin-national", href(home, "link-formulas"))).contains("Allocation formulas");
		String chooser = html("fin-national", href(home, "link-global-sum"));
		assertThat(chooser).contains("FSC1");
		String sumLocation = mvc.perform(page("fin-national", get("/finance/global-sum").param("ccg", "fsc1")))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(html("fin-national", sumLocation)).contains("Quarterly payment").contains("FSC1P1");
		String runs = html("fin-national", href(home, "link-runs"));
		assertThat(runs).contains("compare-form");
		String ccgHome = html("fin-ccg", "/finance");
		assertThat(ccgHome).doesNotContain("link-runs");
		assertThat(html("fin-ccg", href(ccgHome, "link-own-global-sum"))).contains("FSC1P2");
	}

	@Test
	void pagesRefuseBadInputWithAnErrorSummaryAndStoreNothing() throws Exception {
		long runs = jdbc.sql("select count(*) from finance_run").query(Long.class).single();
		mvc.perform(page("fin-national", post("/finance/runs")).with(csrf())
			.param("name", "Bad").param("year", "2015/16").param("programme", "CORE_CCG")
			.param("formulaId", String.valueOf(formulaId)).param("envelope", "-5").param("specialisedEnvelope", "")
			.param("minimumGrowth", "x").param("maximumGrowth", "9").param("gapClosure", "25")
			.param("overTargetFloor", "1.5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("The envelope must be a positive amount")))
			.andExpect(content().string(containsString("Minimum growth must be a number")));
		assertThat(jdbc.sql("select count(*) from finance_run").query(Long.class).single()).isEqualTo(runs);
	}

	@Test
	void formulaPagesShowTheCostCurveAndOnlyNationalUsersEditDrafts() throws Exception {
		mvc.perform(page("fin-ccg", get("/finance/formulas/" + formulaId)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Age/sex cost curve")))
			.andExpect(content().string(not(containsString("save-formula"))));
		String location = mvc.perform(page("fin-national", post("/finance/formulas")).with(csrf())
			.param("year", "2016/17").param("copyOf", String.valueOf(formulaId)))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		mvc.perform(page("fin-national", get(location)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("save-formula")));
		mvc.perform(page("fin-ccg", post("/finance/formulas")).with(csrf()).param("year", "2016/17"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aPublishedFormulaRefusesEditsOnThePageWithAClearMessage() throws Exception {
		var form = page("fin-national", post("/finance/formulas/" + formulaId)).with(csrf())
			.param("version", "1").param("name", "Changed").param("year", "2014/15")
			.param("inequalitiesShareCcg", "10").param("inequalitiesSharePrimaryCare", "15");
		for (int band = 0; band < org.cocommission.directory.PopulationQueries.AGE_BANDS.size(); band++) {
			form.param("male[" + band + "]", "1").param("female[" + band + "]", "1");
		}
		mvc.perform(form)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("A published formula is frozen: copy it to a new draft to change it")));
		assertThat(jdbc.sql("select name from finance_formula where id = ?").param(formulaId).query(String.class).single())
			.isEqualTo("2014/15 formula");
		mvc.perform(page("fin-national", post("/finance/formulas/" + formulaId + "/publish")).with(csrf())
			.param("version", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Only a draft formula can be published")));
	}

	@Test
	void aDraftTakesCcgIndicesPastedOnThePageAndRefusesBadLinesWithoutSavingAny() throws Exception {
		mvc.perform(page("fin-national", post("/finance/formulas")).with(csrf()).param("year", "next year"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the effective financial year like 2015/16")));
		String location = mvc.perform(page("fin-national", post("/finance/formulas")).with(csrf())
			.param("year", "2017/18").param("copyOf", ""))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long draft = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(html("fin-national", location)).contains("no-factors").contains("factors-form");
		mvc.perform(page("fin-national", post(location + "/ccg-factors")).with(csrf()).param("version", "0")
			.param("factors", "code,need,mff,inequality\nFSC1,1.2,1.05,1.3\nFSC2,1.1,0\nFSC3,x,1,1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Line 3 needs 4 values")))
			.andExpect(content().string(containsString("Line 4: The additional need must be a number")));
		assertThat(jdbc.sql("select count(*) from finance_formula_ccg_factor where formula_id = ?").param(draft)
			.query(Long.class).single()).isZero();
		mvc.perform(page("fin-national", post(location + "/ccg-factors")).with(csrf()).param("version", "0")
			.param("factors", "FSC1,1.2,1.05,1.3\nfsc2,0.9,1,0.8"))
			.andExpect(status().is3xxRedirection());
		assertThat(html("fin-national", location)).contains("id=\"ccg-factors\"").contains("FSC2").contains("1.2000");

		mvc.perform(page("fin-national", post(location + "/practice-factors")).with(csrf()).param("version", "1")
			.param("practiceFactors", "FSC1P1,1.1,1,1,1,2.5\nFSC1P2,1.1,1,1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Line 1: The number of nursing home patients must be a whole number")))
			.andExpect(content().string(containsString("Line 2 needs 6 values")));
		mvc.perform(page("fin-national", post(location + "/practice-factors")).with(csrf()).param("version", "1")
			.param("practiceFactors", "code,needs,turnover,mff,rurality,homes\nFSC1P1,1.1,0.95,1.02,1.2,12\nfsc1p2,0.9,1,1,1,0"))
			.andExpect(status().is3xxRedirection());
		assertThat(html("fin-national", location)).contains("2 practices have their own global sum indices");
		mvc.perform(as("fin-national", get("/api/v1/finance/formulas/" + draft + "/practice-factors")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].practiceCode").value("FSC1P1"))
			.andExpect(jsonPath("$[0].nursingHomePatients").value(12))
			.andExpect(jsonPath("$[1].practiceCode").value("FSC1P2"));
		mvc.perform(page("fin-ccg", post(location + "/practice-factors")).with(csrf()).param("version", "2")
			.param("practiceFactors", "FSC1P1,1,1,1,1,0"))
			.andExpect(status().isForbidden());
	}

	@Test
	void thePopulationViewGivesSpendPerHeadAgainstEnglandAndNamedPeers() throws Exception {
		long run = jdbc.sql("select id from finance_run where financial_year = 2014 and published_at is not null"
				+ " and name = 'Allocations 2014/15'").query(Long.class).single();
		var england = jdbc.sql("select sum(allocation) / sum(raw_population) from finance_run_result where run_id = ?")
			.param(run).query(java.math.BigDecimal.class).single().setScale(2, java.math.RoundingMode.HALF_UP);
		mvc.perform(page("fin-ccg", get("/api/v1/finance/budgets/FSC1/population-view").param("year", "2014/15")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines.length()").value(3))
			.andExpect(jsonPath("$.lines[1].englandPerHead").value(england.doubleValue()))
			.andExpect(jsonPath("$.self.ccgCode").value("FSC1"))
			.andExpect(jsonPath("$.lines[0].ccgPerHead").doesNotExist())
			.andExpect(jsonPath("$.peers.length()").value(8))
			.andExpect(jsonPath("$.peerDefinition").value(containsString("need per head")));
		mvc.perform(page("fin-ccg", get("/finance/budgets/FSC1/population-view.csv").param("year", "2014-15")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Service,NHS FSC1 CCG £ per head,Peer CCGs £ per head")));
		mvc.perform(page("fin-ccg", get("/finance/budgets/FSC2/population-view.csv").param("year", "2014-15")))
			.andExpect(status().isForbidden());
		mvc.perform(page("fin-ccg", get("/finance/budgets/FSC1").param("year", "2030-31")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No indicative budget is published for FSC1 in 2030/31")));
	}

	private long createRun(String year, String envelope) throws Exception {
		String body = mvc.perform(as("fin-national", post("/api/v1/finance/runs")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Allocations " + year + "\",\"year\":\"" + year + "\",\"programme\":\"CORE_CCG\","
					+ "\"formulaId\":" + formulaId + ",\"envelope\":\"" + envelope + "\",\"specialisedEnvelope\":\"2000000\","
					+ "\"minimumGrowth\":\"2.14\",\"maximumGrowth\":\"20\",\"gapClosure\":\"50\",\"overTargetFloor\":\"2.14\"}"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("(?s)^\\{\"run\":\\{\"id\":(\\d+).*", "$1"));
	}

	private String html(String user, String url) throws Exception {
		return mvc.perform(page(user, get(url))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	/** The target of the link with this id on a page. */
	private static String href(String html, String id) {
		var matcher = java.util.regex.Pattern
			.compile("<a[^>]*?(?:href=\"([^\"]*)\"[^>]*?id=\"" + id + "\"|id=\"" + id + "\"[^>]*?href=\"([^\"]*)\")")
			.matcher(html);
		assertThat(matcher.find()).as("a link with id " + id).isTrue();
		String url = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
		return url.replace("&amp;", "&");
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start) + start.length();
		return text.substring(from, text.indexOf(end, from));
	}

	private MockHttpServletRequestBuilder page(String user, MockHttpServletRequestBuilder request) {
		return request.cookie(sessions.get(user));
	}

	private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
		return page(user, request).with(csrf());
	}
}
