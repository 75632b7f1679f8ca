package org.cocommission.qualitypremium.data;

import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.identity.SignedInUsers;
import org.cocommission.platform.FinancialYear;
import org.cocommission.qualitypremium.QualityPremiumFixture;
import org.cocommission.qualitypremium.schemes.QualityPremiumSchemes;
import org.cocommission.qualitypremium.schemes.SchemeEdit;

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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 7: the quality premium "uses the outcomes capability's computed values when present, and uploads otherwise".
 * In a year of its own (a copy of the 2013/14 scheme for 2045/46, see {@link QualityPremiumFixture}), so that the
 * outcomes values it imports feed no other test's runs.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QualityPremiumFixture.class)
class OutcomesMeasureResultsTests {

	private static final FinancialYear YEAR = new FinancialYear(2045);

	private final MockMvc mvc;

	private final SignedInUsers users;

	private final JdbcClient jdbc;

	private final QualityPremiumFixture fixture;

	private final JsonMapper json;

	private final QualityPremiumSchemes schemes;

	@Autowired
	OutcomesMeasureResultsTests(MockMvc mvc, JdbcClient jdbc, QualityPremiumFixture fixture, JsonMapper json,
			QualityPremiumSchemes schemes) {
		this.mvc = mvc;
		this.users = new SignedInUsers(mvc, QualityPremiumFixture.PASSWORD);
		this.jdbc = jdbc;
		this.fixture = fixture;
		this.json = json;
		this.schemes = schemes;
	}

	@BeforeEach
	void directoryAndUsers() {
		fixture.organisation("QOR", "REGION", "Region");
		fixture.organisation("QOT", "AREA_TEAM", "Area team", "QOR");
		fixture.ccg("QOA", "NHS OUTCOME ALPHA CCG", "QOT", "Alpha surgery", YEAR.firstDay(), 226_000);
		fixture.ccg("QOB", "NHS OUTCOME BETA CCG", "QOT", "Beta surgery", YEAR.firstDay(), 100_000);
		fixture.nationalAnalyst("qo-national");
	}

	private RequestPostProcessor as(String user) throws Exception {
		return users.as(user);
	}

	/**
	 * The upload says PYLL fell only 0.5% for both CCGs (not achieved); the outcomes indicator CCGOIS-1.1 says Alpha's
	 * fell 10% (achieved) and has only the scheme year for Beta, which is not compared with an uploaded baseline: Beta's
	 * uploaded values decide.
	 */
	static final String UPLOAD = """
			CCG_CODE,RECORD,CODE,PERIOD,VALUE
			QOA,MEASURE,PYLL,2044/45,2000
			QOA,MEASURE,PYLL,2045/46,1990
			QOA,MEASURE,FFT,2045/46,1
			QOA,GATEWAY,FINANCE,2045/46,1
			QOA,GATEWAY,QUALITY,2045/46,1
			QOB,MEASURE,PYLL,2044/45,2000
			QOB,MEASURE,PYLL,2045/46,1990
			QOB,GATEWAY,FINANCE,2045/46,1
			QOB,GATEWAY,QUALITY,2045/46,1
			""";

	static final String OUTCOMES = """
			ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR
			QOA,CCGOIS-1.1,2044/45,4520,226000
			QOA,CCGOIS-1.1,2045/46,4068,226000
			QOB,CCGOIS-1.1,2045/46,1000,100000
			""";

	@Test
	void outcomesValuesWinOverUploadsWhichFillTheGapsAndTheResultSaysWhichIsWhich() throws Exception {
		assertThat(schemes.indicatorMapping(new FinancialYear(2013)))
			.as("the shipped 2013/14 scheme maps PYLL to the matching starter indicator")
			.containsEntry("PYLL", "CCGOIS-1.1")
			.doesNotContainKey("AEA");
		mvc.perform(post("/quality-premium/schemes/2013-14/copy").param("to", YEAR.toString()).with(as("qo-national"))
			.with(csrf()))
			.andExpect(status().is3xxRedirection());

		mvc.perform(multipart("/quality-premium/data").file(new MockMultipartFile("file", "qo-2045.csv", "text/csv",
				UPLOAD.getBytes())).param("year", YEAR.toString()).with(as("qo-national")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("qo-2045.csv loaded")));
		mvc.perform(post("/api/v1/outcomes/imports/long").with(as("qo-national")).with(csrf())
			.contentType("text/csv").content(OUTCOMES))
			.andExpect(status().isOk());
		String alphaValues = mvc.perform(get("/api/v1/outcomes/values").param("indicator", "CCGOIS-1.1")
			.param("level", "ccg").param("period", YEAR.toString()).with(as("qo-national")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(json.readTree(alphaValues).get(0).get("orgCode").asString()).isEqualTo("QOA");
		double outcomesValue = json.readTree(alphaValues).get(0).get("value").asDouble();

		String location = mvc.perform(post("/quality-premium/runs").param("year", YEAR.toString()).with(as("qo-national"))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		long runId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		String alpha = mvc.perform(get("/api/v1/quality-premium/runs/" + runId + "/results/QOA").with(as("qo-national")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.measureOrigins.PYLL").value("outcomes indicator CCGOIS-1.1"))
			.andReturn().getResponse().getContentAsString();
		var pyll = json.readTree(alpha).get("inputs").get("measures").get("PYLL");
		assertThat(pyll.get(YEAR.toString()).get("value").asDouble()).isEqualTo(outcomesValue);
		assertThat(pyll.get(YEAR.toString()).get("numerator").asDouble()).isEqualTo(4068);
		assertThat(pyll.get(YEAR.toString()).get("denominator").asDouble()).isEqualTo(226000);
		assertThat(pyll.get("2044/45").get("value").asDouble()).isGreaterThan(outcomesValue);
		assertThat(json.readTree(alpha).get("award").get("measures").get(1).get("achievedFraction").asDouble() > 0)
			.as("PYLL judged on the outcomes values (a 10% fall), not the upload's 0.5%").isTrue();
		mvc.perform(get("/api/v1/quality-premium/runs/" + runId + "/results/QOB").with(as("qo-national")))
			.andExpect(jsonPath("$.measureOrigins.PYLL").doesNotExist())
			.andExpect(jsonPath("$.inputs.measures.PYLL['2045/46'].value").value(1990))
			.andExpect(jsonPath("$.award.measures[1].achievedFraction").value(0));

		// The explanation says per measure where its values came from.
		mvc.perform(get("/quality-premium/runs/" + runId + "/ccgs/QOA").with(as("qo-national")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"data-from-PYLL\">outcomes indicator CCGOIS-1.1</td>")))
			.andExpect(content().string(containsString("id=\"data-from-FFT\">uploaded CSV</td>")))
			.andExpect(content().string(containsString("id=\"data-from-AEA\">no data</td>")));
		mvc.perform(get("/quality-premium/runs/" + runId + "/ccgs/QOB").with(as("qo-national")))
			.andExpect(content().string(containsString("id=\"data-from-PYLL\">uploaded CSV</td>")));

		// Same inputs, same outputs: a second run hashes the same, and the stored run reproduces.
		String again = mvc.perform(post("/api/v1/quality-premium/runs").with(as("qo-national")).with(csrf())
			.contentType("application/json").content("{\"year\":\"2045/46\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String first = mvc.perform(get("/api/v1/quality-premium/runs/" + runId).with(as("qo-national")))
			.andReturn().getResponse().getContentAsString();
		assertThat(json.readTree(again).get("inputsSha256")).isEqualTo(json.readTree(first).get("inputsSha256"));
		mvc.perform(get("/api/v1/quality-premium/runs/" + runId + "/reproduction").with(as("qo-national")))
			.andExpect(jsonPath("$.inputsHashMatches").value(true))
			.andExpect(jsonPath("$.matching").value(2))
			.andExpect(jsonPath("$.differences").isEmpty());

		// The published statement and its PDF say per measure where its values came from.
		mvc.perform(post("/quality-premium/runs/" + runId + "/publish").with(as("qo-national")).with(csrf())
			.param("override", "AEA has no data on purpose in this test"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/quality-premium/statements/2045-46/QOA").with(as("qo-national")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"statement-data-from-PYLL\">outcomes indicator CCGOIS-1.1</td>")))
			.andExpect(content().string(containsString("id=\"statement-data-from-FFT\">uploaded CSV</td>")))
			.andExpect(content().string(containsString("id=\"statement-data-from-AEA\">no data</td>")));
		byte[] pdf = mvc.perform(get("/quality-premium/statements/2045-46/QOA.pdf").with(as("qo-national")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (var document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Measures and where their data came from")
				.contains("outcomes indicator CCGOIS-1.1")
				.contains("uploaded CSV");
		}
	}

	@Test
	void theMappingIsEditedOnTheSchemePageWhileTheSchemeIsADraftAndSurvivesOtherEdits() throws Exception {
		mvc.perform(post("/quality-premium/schemes/2013-14/copy").param("to", "2033/34").with(as("qo-national"))
			.with(csrf()))
			.andExpect(status().is3xxRedirection());
		var year = new FinancialYear(2033);
		assertThat(schemes.indicatorMapping(year)).as("a copy keeps the mapping").containsEntry("PYLL", "CCGOIS-1.1");

		mvc.perform(get("/quality-premium/schemes/2033-34").with(as("qo-national")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"source-PYLL\">outcomes indicator CCGOIS-1.1, uploads otherwise")))
			.andExpect(content().string(containsString("Outcomes indicator for AEA")));
		int version = schemes.scheme(year).version();

		mvc.perform(post("/quality-premium/schemes/2033-34/indicators").param("version", String.valueOf(version))
			.param("indicator[AEA]", "NO-SUCH").with(as("qo-national")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("There is no outcomes indicator NO-SUCH")));
		assertThat(schemes.indicatorMapping(year)).containsEntry("PYLL", "CCGOIS-1.1").doesNotContainKey("AEA");

		mvc.perform(post("/quality-premium/schemes/2033-34/indicators").param("version", String.valueOf(version))
			.param("indicator[AEA]", "CCGOIS-3.1").param("indicator[PYLL]", "").with(as("qo-national")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(schemes.indicatorMapping(year)).isEqualTo(Map.of("AEA", "CCGOIS-3.1"));
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'QP_SCHEME_INDICATORS_MAPPED'"
				+ " and entity_id = '2033/34'").query(Long.class).single()).isEqualTo(1);

		mvc.perform(get("/api/v1/quality-premium/schemes/2033-34/indicators").with(as("qo-national")))
			.andExpect(jsonPath("$.version").value(version + 1))
			.andExpect(jsonPath("$.indicators.AEA").value("CCGOIS-3.1"));

		// A stale form is refused (409), and an edit of the weights keeps the mapping.
		mvc.perform(post("/quality-premium/schemes/2033-34/indicators").param("version", String.valueOf(version))
			.param("indicator[AEA]", "").with(as("qo-national")).with(csrf()))
			.andExpect(status().isConflict());
		schemes.editScheme(year, new SchemeEdit(version + 1, null, null, Map.of(), Map.of(), Map.of(), Map.of()));
		assertThat(schemes.indicatorMapping(year)).isEqualTo(Map.of("AEA", "CCGOIS-3.1"));

		// Published schemes are frozen: the form is gone from the page (the service refusal is pinned below).
		jdbc.sql("update qp_scheme set status = 'PUBLISHED' where financial_year = 2033").update();
		mvc.perform(get("/quality-premium/schemes/2033-34").with(as("qo-national")))
			.andExpect(content().string(not(containsString("Outcomes indicator for AEA"))));
		mvc.perform(post("/quality-premium/schemes/2033-34/indicators").param("version", String.valueOf(version + 2))
			.param("indicator[AEA]", "").with(as("qo-national")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("cannot be changed")));
	}
}
