package org.cocommission.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.cocommission.directory.OdsTestFiles.importOds;
import static org.cocommission.directory.OdsTestFiles.organisation;
import static org.cocommission.directory.OdsTestFiles.practice;

/**
 * Inputs that once ended in a 500 or were stored although nobody could have meant them: each is a 4xx with a
 * problem detail, and nothing changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTests {

	private static final String PASSWORD = "bad-input-password-1";

	private static final String BASELINE = "/api/v1/finance/baselines/2013/PRIMARY_CARE_MEDICAL";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	private Cookie national;

	@BeforeAll
	void directoryUsersAndBaseline(@Autowired DirectoryImports imports, @Autowired UserAccounts accounts)
			throws Exception {
		importOds(imports, OdsFile.REGIONS, organisation("Y81", "SOUTH", "", ""));
		importOds(imports, OdsFile.AREA_TEAMS, organisation("Q81", "WESSEX", "Y81", ""));
		importOds(imports, OdsFile.ECCG,
				organisation("81A", "NHS ONE CCG", "Y81", "Q81") + organisation("81B", "NHS TWO CCG", "Y81", "Q81"));
		importOds(imports, OdsFile.EPRACCUR, practice("B81001", "PRACTICE B81001", "81A"));
		if (accounts.find("bad-national").isEmpty()) {
			accounts.create(new NewUser("bad-national", "National", null, Role.NATIONAL, "X24", PASSWORD));
		}
		national = SignIn.session(mvc, "bad-national", PASSWORD);
		api(post(BASELINE).contentType(MediaType.APPLICATION_JSON)
			.content("[{\"ccgCode\":\"81A\",\"allocation\":1000000},{\"ccgCode\":\"81B\",\"allocation\":2000000}]"))
			.andExpect(status().isOk());
	}

	private org.springframework.test.web.servlet.ResultActions api(MockHttpServletRequestBuilder request)
			throws Exception {
		return mvc.perform(request.with(httpBasic("bad-national", PASSWORD)));
	}

	private long baselineRows() {
		return jdbc.sql("select count(*) from finance_baseline where financial_year = 2013"
				+ " and programme = 'PRIMARY_CARE_MEDICAL'").query(Long.class).single();
	}

	@Test
	void aBaselineNamingAnUnknownCcgIsRefusedNamingTheRow() throws Exception {
		api(post(BASELINE).contentType(MediaType.APPLICATION_JSON)
			.content("[{\"ccgCode\":\"81A\",\"allocation\":5},{\"ccgCode\":\"ZZZ\",\"allocation\":5}]"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("[1].ccgCode"))
			.andExpect(jsonPath("$.errors[0].message", containsString("ZZZ")));
		assertThat(baselineRows()).isEqualTo(2);
	}

	@Test
	void replacingABaselineWithFewerCcgsNeedsTheFlag() throws Exception {
		api(post(BASELINE).contentType(MediaType.APPLICATION_JSON).content("[{\"ccgCode\":\"81A\",\"allocation\":5}]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("replaceWithFewer=true")));
		assertThat(baselineRows()).isEqualTo(2);

		api(post(BASELINE + "?replaceWithFewer=true").contentType(MediaType.APPLICATION_JSON)
			.content("[{\"ccgCode\":\"81A\",\"allocation\":5}]")).andExpect(status().isOk());
		assertThat(baselineRows()).isEqualTo(1);
		api(post(BASELINE).contentType(MediaType.APPLICATION_JSON)
			.content("[{\"ccgCode\":\"81A\",\"allocation\":1000000},{\"ccgCode\":\"81B\",\"allocation\":2000000}]"))
			.andExpect(status().isOk());
	}

	@Test
	void anAmountTooLargeToStoreIsABadRequest() throws Exception {
		for (String allocation : new String[] { "\"1e400\"", "1e400", "1e999999999" }) {
			api(post(BASELINE).contentType(MediaType.APPLICATION_JSON)
				.content("[{\"ccgCode\":\"81A\",\"allocation\":" + allocation + "},{\"ccgCode\":\"81B\",\"allocation\":5}]"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		assertThat(baselineRows()).isEqualTo(2);
	}

	@Test
	void aNulInsideAJsonBodyIsABadRequest() throws Exception {
		api(post("/api/v1/co-commissioning/rounds").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "A\\u0000B", "levels": ["JOINT"], "eoiDeadline": "2030-06-20T17:00:00",
				 "applicationDeadline": "2031-01-30T17:00:00", "goLiveOn": "2031-04-01", "scoreMin": 0, "scoreMax": 4,
				 "criteria": ["Integration"]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("NUL")));
		assertThat(jdbc.sql("select count(*) from cocommissioning_round where name like 'A%B'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aCharacterAfterAClosingQuoteInAnOutcomesFileCannotBeMeant() throws Exception {
		api(post("/api/v1/outcomes/imports/long").contentType("text/csv")
			.content("ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n\"B81001\"x,IND,2013/14,1,2\n"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void savingSectionsWithoutSectionsIsABadRequest() throws Exception {
		String round = api(post("/api/v1/co-commissioning/rounds").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Sections round", "levels": ["JOINT"], "eoiDeadline": "2030-06-20T17:00:00",
				 "applicationDeadline": "2031-01-30T17:00:00", "goLiveOn": "2031-04-01", "scoreMin": 0, "scoreMax": 4,
				 "criteria": ["Integration"]}"""))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString().replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
		mvc.perform(post("/api/v1/co-commissioning/rounds/" + round + "/interest")
				.with(httpBasic(ccgUser(), PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"ccg\": \"81A\", \"level\": \"JOINT\"}")).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/co-commissioning/rounds/" + round + "/applications")
				.with(httpBasic(ccgUser(), PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"ccg\": \"81A\", \"level\": \"JOINT\"}")).andExpect(status().isCreated());
			long id = jdbc.sql("select id from cocommissioning_application where ccg_code = '81A'").query(Long.class).single();
			mvc.perform(put("/api/v1/co-commissioning/applications/" + id + "/sections")
				.with(httpBasic(ccgUser(), PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("sections"));
	}

	@Autowired
	private UserAccounts accounts;

	private String ccgUser() {
		if (accounts.find("bad-ccg-81a").isEmpty()) {
			accounts.create(new NewUser("bad-ccg-81a", "CCG 81A", null, Role.CCG, "81A", PASSWORD));
		}
		return "bad-ccg-81a";
	}

	@Test
	void anUploadThatIsNotMultipartIsRefusedForItsType() throws Exception {
		mvc.perform(post("/directory/imports").cookie(national).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnsupportedMediaType());
		mvc.perform(get("/directory/imports").cookie(national)).andExpect(status().isOk());
	}

	@Test
	void anImportIsDecodedStrictlyAndRefusedWithTheLineAndByteOffset() throws Exception {
		byte[] file = (organisation("Y83", "GOOD REGION", "", "") + organisation("Y84", "BAD REGION", "", ""))
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		int bad = new String(file, java.nio.charset.StandardCharsets.UTF_8).indexOf("BAD");
		file[bad] = (byte) 0xFF;
		api(post("/api/v1/directory/imports/regions").contentType("text/csv").content(file))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.line").value(2))
			.andExpect(jsonPath("$.byteOffset").value(bad))
			.andExpect(jsonPath("$.detail", containsString("0xFF")));
		assertThat(jdbc.sql("select count(*) from directory_organisation where code in ('Y83', 'Y84')").query(Long.class)
			.single()).isZero();
	}

	@Test
	void aDeclaredWindows1252FileIsReadAsSuch() throws Exception {
		byte[] file = organisation("Y85", "CAF\u00c9 REGION", "", "").getBytes(java.nio.charset.Charset.forName("windows-1252"));
		api(post("/api/v1/directory/imports/regions").contentType("text/csv; charset=windows-1252").content(file))
			.andExpect(status().isOk());
		assertThat(jdbc.sql("select name from directory_organisation where code = 'Y85'").query(String.class).single())
			.isEqualTo("CAF\u00c9 REGION");
		api(post("/api/v1/directory/imports/regions").contentType("text/csv; charset=utf-16").content(file))
			.andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void anImportNeedsACsvBodyWithRowsAndNoNul() throws Exception {
		api(post("/api/v1/directory/imports/regions").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnsupportedMediaType());
		api(post("/api/v1/outcomes/imports/long").contentType("text/csv").content(""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("empty")));
		api(post("/api/v1/outcomes/imports/long").contentType("text/csv")
			.content("ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message", containsString("no rows")));
		api(post("/api/v1/directory/imports/regions").contentType("text/csv")
			.content(organisation("Y86\u0000", "NUL REGION", "", "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("NUL")));
		assertThat(jdbc.sql("select count(*) from directory_organisation where code like 'Y86%'").query(Long.class)
			.single()).isZero();
	}

	private long outcomesObservations() {
		return jdbc.sql("select count(*) from outcomes_observation where org_code = 'B81001'").query(Long.class).single();
	}

	private long qpRows() {
		return jdbc.sql("select count(*) from qp_data where ccg_code = '81A'").query(Long.class).single();
	}

	private static final String LONG_HEADER = "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n";

	@Test
	void aProportionOfNobodyAndAFractionalCountAreRefusedWithTheirRows() throws Exception {
		api(post("/api/v1/outcomes/imports/long").contentType("text/csv")
			.content(LONG_HEADER + "B81001,QOF-AF,2013/14,0,0\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].message", containsString("DENOMINATOR is 0")));
		api(post("/api/v1/outcomes/imports/long").contentType("text/csv")
			.content(LONG_HEADER + "B81001,QOF-AF,2013/14,5,100\nB81001,QOF-AF,2014/15,2.5,100\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].message", containsString("not a whole number")));
		api(post("/api/v1/outcomes/imports/long").contentType("text/csv")
			.content(LONG_HEADER + "B81001,QOF-AF,2014/15,2,100.5\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message", containsString("DENOMINATOR 100.5 is not a whole number")));
		assertThat(outcomesObservations()).isZero();
	}

	@Test
	void qualityPremiumDataRefusesFractionalCountsAHeaderWithoutRowsAndAnyTypeButCsv() throws Exception {
		String header = "CCG_CODE,RECORD,CODE,PERIOD,VALUE,NUMERATOR,DENOMINATOR\n";
		api(post("/api/v1/quality-premium/data/2013-14").contentType("text/csv")
			.content(header + "81A,MEASURE,AEA,2012/13,1000,,\n81A,MEASURE,AEA,2013/14,990,2.5,100\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].message", containsString("NUMERATOR 2.5 is not a whole number")));
		api(post("/api/v1/quality-premium/data/2013-14").contentType("text/csv").content(header))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message", containsString("no rows")));
		api(post("/api/v1/quality-premium/data/2013-14").contentType(MediaType.TEXT_PLAIN)
			.content(header + "81A,MEASURE,AEA,2012/13,1000,,\n"))
			.andExpect(status().isUnsupportedMediaType());
		assertThat(qpRows()).isZero();
	}

	@Test
	void unknownValuesOfQueryParametersAreBadRequestsNamingThem() throws Exception {
		api(get("/api/v1/outcomes/values").param("indicator", "NOPE").param("level", "bogus"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("level"))
			.andExpect(jsonPath("$.errors[0].message", containsString("bogus")));
		api(get("/api/v1/outcomes/values").param("indicator", "NOPE"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail", containsString("NOPE")));
		api(get("/api/v1/outcomes/values").param("indicator", "QOF-AF")).andExpect(status().isOk());
	}

	@Test
	void aStructureThatIsNeitherAsWasNorADateIsABadRequestNamingIt() throws Exception {
		api(get("/api/v1/outcomes/values").param("indicator", "QOF-AF").param("structure", "2022-13-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("structure"))
			.andExpect(jsonPath("$.errors[0].message", containsString("as-was")));
		api(get("/api/v1/outcomes/values").param("indicator", "QOF-AF").param("structure", "as-was"))
			.andExpect(status().isOk());
		api(get("/api/v1/outcomes/values").param("indicator", "QOF-AF").param("structure", "2022-07-01"))
			.andExpect(status().isOk());
		api(get("/api/v1/outcomes/values").param("indicator", "QOF-AF").param("structure", ""))
			.andExpect(status().isOk());
	}

	@Test
	void aPageUploadIsDecodedAsStrictlyAsTheApis() throws Exception {
		byte[] invalid = "CCG_CODE,RECORD,CODE,PERIOD,VALUE\n81A,MEASURE,AEA,2012/13,1000\n81A,MEASURE,AEA,2013/14,99\u00e9\n"
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/quality-premium/data")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "latin1.csv", "text/csv", invalid))
			.param("year", "2013/14")
			.cookie(national)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Line 3: the byte 0xE9")));
		byte[] trailingNul = "CCG_CODE,RECORD,CODE,PERIOD,VALUE\n81A\u0000,MEASURE,AEA,2012/13,1000\n"
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/quality-premium/data")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "nul.csv", "text/csv", trailingNul))
			.param("year", "2013/14")
			.cookie(national)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("NUL")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/outcomes/imports")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "latin1.csv", "text/csv",
					(LONG_HEADER + "B81001,QOF-AF,2013/14,5,100 caf\u00e9\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
			.param("format", "long")
			.cookie(national)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("the byte 0xE9")));
		assertThat(qpRows()).isZero();
		assertThat(outcomesObservations()).isZero();
	}

	@Test
	void aNumberTooLargeToReadIsABadRequestNamingItsFieldOnEveryEndpoint() throws Exception {
		api(post(BASELINE).contentType(MediaType.APPLICATION_JSON)
			.content("[{\"ccgCode\":\"81A\",\"allocation\":1e400},{\"ccgCode\":\"81B\",\"allocation\":5}]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("[0].allocation"));
		api(post("/api/v1/finance/formulas").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Too large\",\"effectiveYear\":\"2013/14\",\"inequalitiesShareCcg\":1e400}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("inequalitiesShareCcg"));
		assertThat(baselineRows()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from finance_formula where name = 'Too large'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aPageUploadInWindows1252IsReadWhenChosenAndOtherwiseRefusedSayingHowToChooseIt() throws Exception {
		byte[] excel = organisation("Y87", "CAF\u00c9 REGION", "", "").getBytes(java.nio.charset.Charset.forName("windows-1252"));
		var file = new org.springframework.mock.web.MockMultipartFile("file", "regions.csv", "text/csv", excel);

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/directory/imports")
			.file(file)
			.param("kind", "regions")
			.cookie(national)
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("the byte 0xC9")))
			.andExpect(content().string(containsString("choose &quot;Windows-1252 (a CSV file saved by Excel)&quot;")));
		assertThat(jdbc.sql("select count(*) from directory_organisation where code = 'Y87'").query(Long.class).single())
			.isZero();

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/directory/imports")
			.file(file)
			.param("kind", "regions")
			.param("charset", "WINDOWS_1252")
			.cookie(national)
			.with(csrf()))
			.andExpect(status().isOk());
		assertThat(jdbc.sql("select name from directory_organisation where code = 'Y87'").query(String.class).single())
			.isEqualTo("CAF\u00c9 REGION");
	}

	@Test
	void everyImportPageOffersTheCharacterSetOfItsFileUtf8First() throws Exception {
		for (String page : new String[] { "/directory/imports", "/quality-premium/data", "/outcomes/imports",
				"/contracts/imports" }) {
			mvc.perform(get(page).cookie(national))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.stringContainsInOrder("Character set of the file",
						"value=\"UTF_8\"", "UTF-8 (the default)", "value=\"WINDOWS_1252\"",
						"Windows-1252 (a CSV file saved by Excel)")))
				.andExpect(content().string(org.hamcrest.Matchers
					.matchesPattern("(?s).*<input[^>]*(value=\"UTF_8\"[^>]*checked|checked[^>]*value=\"UTF_8\").*")));
		}
	}

	@Test
	void aQualityPremiumFileSavedByExcelIsDecodedAsWindows1252WhenChosen() throws Exception {
		byte[] excel = "CCG_CODE,RECORD,CODE,PERIOD,VALUE\n81A,MEASURE,AEA,2013/14,99\u00e9\n"
			.getBytes(java.nio.charset.Charset.forName("windows-1252"));
		// Read as Windows-1252, the é is a character, and the row is refused for its value, not for its bytes.
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/quality-premium/data")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "excel.csv", "text/csv", excel))
			.param("year", "2013/14")
			.param("charset", "WINDOWS_1252")
			.cookie(national)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("99\u00e9")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("the byte 0xE9"))));
		assertThat(qpRows()).isZero();
	}
}
