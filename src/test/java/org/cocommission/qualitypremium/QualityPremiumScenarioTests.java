package org.cocommission.qualitypremium;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.identity.Role;
import org.cocommission.identity.SignedInUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The "done when" scenario end to end: load a year's data, compute, explain one CCG, publish, and who sees what. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QualityPremiumFixture.class)
class QualityPremiumScenarioTests {

	private static final LocalDate EXTRACT = LocalDate.of(2013, 4, 1);

	private final MockMvc mvc;

	private final SignedInUsers users;

	private final JdbcClient jdbc;

	private final QualityPremiumFixture fixture;

	private final JsonMapper json;

	@Autowired
	QualityPremiumScenarioTests(MockMvc mvc, JdbcClient jdbc, QualityPremiumFixture fixture, JsonMapper json) {
		this.mvc = mvc;
		this.users = new SignedInUsers(mvc, QualityPremiumFixture.PASSWORD);
		this.jdbc = jdbc;
		this.fixture = fixture;
		this.json = json;
	}

	@BeforeEach
	void directoryAndUsers() {
		fixture.organisation("QPR", "REGION", "Region");
		fixture.organisation("QPT", "AREA_TEAM", "Area team T", "QPR");
		fixture.organisation("QPU", "AREA_TEAM", "Area team U", "QPR");
		fixture.ccg("QPA", "NHS ALPHA CCG", "QPT", "Alpha surgery", EXTRACT, 226_000);
		fixture.ccg("QPB", "NHS BETA CCG", "QPT", "Beta surgery", EXTRACT, 100_000);
		fixture.ccg("QPC", "NHS GAMMA CCG", "QPU", "Gamma surgery", EXTRACT, 50_000);
		fixture.nationalAnalyst("qp-national");
		fixture.user("qp-area-t", "Area team T", Role.AREA_TEAM, "QPT");
		fixture.user("qp-area-u", "Area team U", Role.AREA_TEAM, "QPU");
		fixture.user("qp-ccg-a", "Alpha CCG", Role.CCG, "QPA");
		fixture.user("qp-ccg-b", "Beta CCG", Role.CCG, "QPB");
	}

	/** Signed in through the login form, as a person in the browser is. */
	private RequestPostProcessor as(String user) throws Exception {
		return users.as(user);
	}

	/** Alpha achieves everything but misses A&E; Beta fails the finance gateway; Gamma has no data loaded for it. */
	static final String DATA = """
			CCG_CODE,RECORD,CODE,PERIOD,VALUE,NUMERATOR,DENOMINATOR,TARGET
			QPA,MEASURE,AEA,2012/13,1000,,,
			QPA,MEASURE,AEA,2013/14,990,,,
			QPA,MEASURE,PYLL,2012/13,2000,,,
			QPA,MEASURE,PYLL,2013/14,1900,,,
			QPA,MEASURE,FFT,2013/14,1,,,
			QPA,MEASURE,MRSA,2013/14,0,,,
			QPA,MEASURE,CDIFF,2013/14,30,,,35
			QPA,MEASURE,LOCAL1,2013/14,1,,,
			QPA,MEASURE,LOCAL2,2013/14,1,,,
			QPA,MEASURE,LOCAL3,2013/14,1,,,
			QPA,STANDARD,RTT18,2013/14,93.1,,,
			QPA,STANDARD,AE4H,2013/14,94.2,,,
			QPA,STANDARD,CANCER62,2013/14,86,,,
			QPA,STANDARD,AMBRED1,2013/14,77,,,
			QPA,GATEWAY,FINANCE,2013/14,1,,,
			QPA,GATEWAY,QUALITY,2013/14,1,,,
			QPB,MEASURE,FFT,2013/14,1,,,
			QPB,GATEWAY,FINANCE,2013/14,0,,,
			QPB,GATEWAY,QUALITY,2013/14,1,,,
			""";

	@Test
	void aNationalAnalystLoadsDataComputesExplainsAndPublishesAndEachUserSeesOnlyTheirOwn() throws Exception {
		// A bad file is refused row by row, and nothing of it is stored.
		mvc.perform(multipart("/quality-premium/data").file(new MockMultipartFile("file", "bad.csv", "text/csv",
				"CCG_CODE,RECORD,CODE,PERIOD,VALUE\nQPA,MEASURE,PYLL,2013/14,12\nQPZ,MEASURE,PYLL,2013/14,1\nQPA,STANDARD,AE4H,2013/14,x\n"
					.getBytes()))
			.param("year", "2013/14").with(as("qp-national")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("bad.csv was not loaded")))
			.andExpect(content().string(containsString("QPZ is not a CCG")))
			.andExpect(content().string(containsString("VALUE &#39;x&#39; is not a number")));
		assertThat(jdbc.sql("select count(*) from qp_data where ccg_code like 'QP%'").query(Long.class).single()).isZero();

		// Impossible values for each measure's kind are error rows too: 422 from the API, and nothing stored.
		mvc.perform(post("/api/v1/quality-premium/data/2014-15").param("fileName", "impossible.csv")
			.with(as("qp-national")).with(csrf()).contentType("text/csv")
			.content("CCG_CODE,RECORD,CODE,PERIOD,VALUE,NUMERATOR,DENOMINATOR\nQPA,MEASURE,IAPT,2014/15,-5,,\n"
					+ "QPA,MEASURE,IAPT,2014/15,120,,\nQPA,MEASURE,PYLL,2014/15,1890,120,100\n"
					+ "QPA,MEASURE,FFT,2014/15,2,,\nQPA,MEASURE,AEA,2014/15,-1,,\nQPA,MEASURE,MEDSAFE,2014/15,1,,\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.stored").value(0))
			.andExpect(jsonPath("$.errors.length()").value(5))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].message").value("VALUE -5 of IAPT must be a percentage, from 0 to 100"))
			.andExpect(jsonPath("$.errors[1].message").value("VALUE 120 of IAPT must be a percentage, from 0 to 100"))
			.andExpect(jsonPath("$.errors[2].message").value("NUMERATOR 120 is above DENOMINATOR 100"))
			.andExpect(jsonPath("$.errors[3].message").value("VALUE 2 of FFT must be 1 (met) or 0 (not met)"))
			.andExpect(jsonPath("$.errors[4].message").value("VALUE -1 of AEA must be a rate: 0 or more"));
		assertThat(jdbc.sql("select count(*) from qp_data where ccg_code like 'QP%'").query(Long.class).single()).isZero();

		// Local measures: Alpha proposes three, its area team agrees them; Beta's area team cannot be another's.
		for (String slot : new String[] { "LOCAL1", "LOCAL2", "LOCAL3" }) {
			String body = mvc.perform(post("/api/v1/quality-premium/local-measures/2013-14").with(as("qp-ccg-a")).with(csrf())
				.contentType("application/json")
				.content("{\"ccgCode\":\"QPA\",\"slotCode\":\"" + slot + "\",\"title\":\"Falls " + slot
						+ "\",\"description\":\"Fewer falls in care homes\"}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("PROPOSED"))
				.andReturn().getResponse().getContentAsString();
			long id = json.readTree(body).get("id").asLong();
			mvc.perform(post("/api/v1/quality-premium/local-measures/id/" + id + "/agree").with(as("qp-area-u")).with(csrf())
				.contentType("application/json").content("{\"version\":0}"))
				.andExpect(status().isForbidden());
			mvc.perform(post("/api/v1/quality-premium/local-measures/id/" + id + "/agree").with(as("qp-ccg-a")).with(csrf())
				.contentType("application/json").content("{\"version\":0}"))
				.andExpect(status().isForbidden());
			mvc.perform(post("/api/v1/quality-premium/local-measures/id/" + id + "/agree").with(as("qp-area-t")).with(csrf())
				.contentType("application/json").content("{\"version\":0}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("AGREED"));
		}
		mvc.perform(post("/api/v1/quality-premium/local-measures/2013-14").with(as("qp-ccg-b")).with(csrf())
			.contentType("application/json")
			.content("{\"ccgCode\":\"QPA\",\"slotCode\":\"LOCAL1\",\"title\":\"x\",\"description\":\"y\"}"))
			.andExpect(status().isForbidden());

		// The good file loads through the page; loading it again replaces the same keys.
		for (int i = 0; i < 2; i++) {
			mvc.perform(multipart("/quality-premium/data").file(new MockMultipartFile("file", "qp-2013.csv", "text/csv",
					DATA.getBytes())).param("year", "2013/14").with(as("qp-national")).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("qp-2013.csv loaded")));
		}
		assertThat(jdbc.sql("select count(*) from qp_data where ccg_code like 'QP%'").query(Long.class).single())
			.isEqualTo(19);

		// Compute from the home page's form.
		String location = mvc.perform(post("/quality-premium/runs").param("year", "2013/14").with(as("qp-national"))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		long runId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		mvc.perform(get("/api/v1/quality-premium/runs/" + runId + "/results").with(as("qp-national")))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/quality-premium/runs/" + runId + "/results/QPA").with(as("qp-national")))
			.andExpect(jsonPath("$.award.maximum.pounds").value(1130000.00))
			.andExpect(jsonPath("$.award.earned.pounds").value(1130000.00))
			.andExpect(jsonPath("$.award.reduction.pounds").value(282500.00))
			.andExpect(jsonPath("$.award.finalAward.pounds").value(847500.00))
			.andExpect(jsonPath("$.award.percentOfMaximum").value(75.00));
		mvc.perform(get("/api/v1/quality-premium/runs/" + runId + "/results/QPB").with(as("qp-national")))
			.andExpect(jsonPath("$.award.finalAward.pounds").value(0))
			.andExpect(jsonPath("$.award.gatewaysPassed").value(false));

		// The national view and the explanation, line by line, with the arithmetic.
		mvc.perform(get("/quality-premium/runs/" + runId).with(as("qp-national")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("NHS ALPHA CCG")))
			.andExpect(content().string(containsString("qp-distribution")));
		mvc.perform(get("/quality-premium/runs/" + runId + "/ccgs/QPA").with(as("qp-national")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("226,000 people × £5.00 per head")))
			.andExpect(content().string(containsString("£1,130,000.00 × 12.5% = £141,250.00")))
			.andExpect(content().string(containsString("from 2,000.0 to 1,900.0 is a reduction of 5.00% against a reduction of at least 3.2%: achieved")))
			.andExpect(content().string(containsString("94.2% against 95%: missed")))
			.andExpect(content().string(containsString("£847,500.00")));

		// Before publishing, CCGs see nothing; the analyst's what-if changes nothing official.
		mvc.perform(get("/api/v1/quality-premium/runs/" + runId + "/results/QPA").with(as("qp-ccg-a")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/quality-premium/statements/2013-14/QPA").with(as("qp-ccg-a")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/quality-premium/runs/" + runId + "/ccgs/QPA").param("standard", "AE4H").param("met", "true")
			.with(as("qp-national")))
			.andExpect(content().string(containsString("What-if award: £1,130,000.00")));
		mvc.perform(post("/api/v1/quality-premium/runs/" + runId + "/results/QPA/what-if").with(as("qp-national"))
			.with(csrf()).contentType("application/json").content("{\"measureCode\":\"AEA\",\"measureAchieved\":false}"))
			.andExpect(jsonPath("$.finalAward.pounds").value(635625.00));
		mvc.perform(get("/api/v1/quality-premium/runs/" + runId + "/results/QPA").with(as("qp-national")))
			.andExpect(jsonPath("$.award.finalAward.pounds").value(847500.00));

		// Same inputs, same outputs.
		String again = mvc.perform(post("/api/v1/quality-premium/runs").with(as("qp-national")).with(csrf())
			.contentType("application/json").content("{\"year\":\"2013/14\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String first = mvc.perform(get("/api/v1/quality-premium/runs/" + runId).with(as("qp-national")))
			.andReturn().getResponse().getContentAsString();
		assertThat(json.readTree(again).get("inputsSha256")).isEqualTo(json.readTree(first).get("inputsSha256"));
		assertThat(json.readTree(again).get("totalPaid")).isEqualTo(json.readTree(first).get("totalPaid"));

		// Only national analysts compute and publish.
		mvc.perform(post("/api/v1/quality-premium/runs/" + runId + "/publish").with(as("qp-area-t")).with(csrf()))
			.andExpect(status().isForbidden());
		// Gamma has no data: publishing needs a reason, which the audit keeps.
		mvc.perform(post("/quality-premium/runs/" + runId + "/publish").with(as("qp-national")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("give the reason for publishing anyway")));
		mvc.perform(post("/quality-premium/runs/" + runId + "/publish").with(as("qp-national")).with(csrf())
			.param("override", "Gamma's data is late; the rest are final"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from audit_event where action in ('QP_RUN_COMPUTED',"
				+ " 'QP_RUN_PUBLISHED_WITH_MISSING_INPUTS')"
				+ " and entity_id = ?").param(String.valueOf(runId)).query(Long.class).single()).isEqualTo(2);

		// After publishing: the CCG sees its statement (page and PDF), the area team its CCGs, nobody another's.
		mvc.perform(get("/quality-premium/statements/2013-14/QPA").with(as("qp-ccg-a")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("£847,500.00 (75.00% of the maximum)")));
		mvc.perform(get("/quality-premium/statements/2013-14/QPA.pdf").with(as("qp-ccg-a")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"));
		mvc.perform(get("/quality-premium/statements/2013-14/QPA").with(as("qp-ccg-b")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/quality-premium/statements/2013-14/QPB").with(as("qp-ccg-a")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/quality-premium/statements/2013-14/QPB").with(as("qp-area-t")))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/quality-premium/statements/2013-14/QPC").with(as("qp-area-t")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/quality-premium").with(as("qp-ccg-a")))
			.andExpect(content().string(containsString("NHS ALPHA CCG")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("NHS BETA CCG"))));
		mvc.perform(get("/api/v1/quality-premium/runs/" + runId + "/results").with(as("qp-ccg-a")))
			.andExpect(status().isForbidden());

		// Downloads of the national view.
		mvc.perform(get("/quality-premium/runs/" + runId + "/results.csv").with(as("qp-national")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("QPA,NHS ALPHA CCG,226000,1130000.00,1130000.00,282500.00,847500.00")));
		mvc.perform(get("/quality-premium/runs/" + runId + "/results.xlsx").with(as("qp-national")))
			.andExpect(status().isOk());

		// The published scheme is frozen: editing is refused, copying works.
		mvc.perform(put("/api/v1/quality-premium/schemes/2013-14").with(as("qp-national")).with(csrf())
			.contentType("application/json").content("{\"version\":1,\"maxPerHead\":6}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("copy it to a new year")));
	}

	@Test
	void aDraftSchemeIsCopiedAndEditedButWeightsMustAddUpTo100Percent() throws Exception {
		mvc.perform(post("/api/v1/quality-premium/schemes/2014-15/copy").with(as("qp-national")).with(csrf())
			.contentType("application/json").content("{\"to\":\"2031/32\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.measures[0].baselinePeriod").value("2030/31"))
			.andExpect(jsonPath("$.copiedFrom.startYear").value(2014));
		mvc.perform(post("/api/v1/quality-premium/schemes/2014-15/copy").with(as("qp-ccg-a")).with(csrf())
			.contentType("application/json").content("{\"to\":\"2032/33\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/quality-premium/schemes/2031-32").with(as("qp-national")).with(csrf())
			.contentType("application/json").content("{\"version\":0,\"measureWeights\":{\"PYLL\":20}}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("add up to 105%")));
		mvc.perform(put("/api/v1/quality-premium/schemes/2031-32").with(as("qp-national")).with(csrf())
			.contentType("application/json")
			.content("{\"version\":0,\"measureWeights\":{\"PYLL\":20,\"AEA\":20},\"reductionMode\":\"COMPOUND\","
					+ "\"standardReductions\":{\"AE4H\":10}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reductionMode").value("COMPOUND"))
			.andExpect(jsonPath("$.standards[1].reductionPercent").value(10));
		mvc.perform(put("/api/v1/quality-premium/schemes/2031-32").with(as("qp-national")).with(csrf())
			.contentType("application/json").content("{\"version\":0,\"maxPerHead\":6}"))
			.andExpect(status().isConflict());
		mvc.perform(post("/quality-premium/schemes/2031-32").with(as("qp-national")).with(csrf())
			.param("version", "1").param("maxPerHead", "5").param("reductionMode", "ADDITIVE").param("weight[IAPT]", "50"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("add up to 135%")));
		mvc.perform(get("/quality-premium/schemes/2031-32").with(as("qp-national")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Edit this draft")));
	}

	@Test
	void aRejectedLocalMeasureNeedsAReasonAndCanBeProposedAgainWithItsHistoryKept() throws Exception {
		String body = mvc.perform(post("/api/v1/quality-premium/local-measures/2014-15").with(as("qp-ccg-b")).with(csrf())
			.contentType("application/json")
			.content("{\"ccgCode\":\"QPB\",\"slotCode\":\"LOCAL1\",\"title\":\"Diabetes\",\"description\":\"Checks\"}"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		long id = json.readTree(body).get("id").asLong();
		mvc.perform(post("/api/v1/quality-premium/local-measures/id/" + id + "/reject").with(as("qp-area-t")).with(csrf())
			.contentType("application/json").content("{\"version\":0,\"reason\":\" \"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/quality-premium/local-measures/" + id + "/decision").with(as("qp-area-t")).with(csrf())
			.param("year", "2014/15").param("version", "0").param("decision", "reject")
			.param("reason", "Not measurable"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/api/v1/quality-premium/local-measures/id/" + id + "/agree").with(as("qp-area-t")).with(csrf())
			.contentType("application/json").content("{\"version\":1}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("not proposed")));
		mvc.perform(post("/quality-premium/local-measures").with(as("qp-ccg-b")).with(csrf()).param("year", "2014/15")
			.param("ccgCode", "QPB").param("slotCode", "LOCAL1").param("title", "Diabetes care processes")
			.param("description", "At least 60% receive all eight care processes"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/quality-premium/local-measures").param("year", "2014/15").with(as("qp-area-t")))
			.andExpect(content().string(containsString("Diabetes care processes")))
			.andExpect(content().string(containsString("Proposed")));
		mvc.perform(get("/quality-premium/local-measures").param("year", "2014/15").with(as("qp-area-u")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Diabetes care processes"))));
		// Several at once: one refused decision (another area team's CCG) stores none of them.
		String batch = mvc.perform(post("/api/v1/quality-premium/local-measures/2014-15/proposals").with(as("qp-ccg-a"))
			.with(csrf()).contentType("application/json")
			.content("[{\"ccgCode\":\"QPA\",\"slotCode\":\"LOCAL1\",\"title\":\"Falls\",\"description\":\"Fewer\"}]"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		long falls = json.readTree(batch).get(0).get("id").asLong();
		mvc.perform(post("/api/v1/quality-premium/local-measures/decisions").with(as("qp-area-u")).with(csrf())
			.contentType("application/json").content("[{\"id\":" + falls + ",\"version\":0,\"agree\":true}]"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/quality-premium/local-measures/decisions").with(as("qp-area-t")).with(csrf())
			.contentType("application/json").content("[{\"id\":" + falls + ",\"version\":0,\"agree\":true},"
					+ "{\"id\":" + id + ",\"version\":2,\"agree\":false}]"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("reason")));
		assertThat(jdbc.sql("select status from qp_local_measure where id = ?").param(falls).query(String.class).single())
			.isEqualTo("PROPOSED");
		assertThat(jdbc.sql("select status from qp_local_measure_history where local_measure_id = ? order by id")
			.param(id).query(String.class).list()).containsExactly("PROPOSED", "REJECTED", "PROPOSED");
		assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'qp_local_measure' and entity_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
	}
}
