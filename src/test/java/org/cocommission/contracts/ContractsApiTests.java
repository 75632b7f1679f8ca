package org.cocommission.contracts;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;
import org.cocommission.identity.ActingAs;
import org.cocommission.platform.FinancialYear;
import org.cocommission.identity.Role;
import org.cocommission.identity.SignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.cocommission.directory.OdsTestFiles.importOds;
import static org.cocommission.directory.OdsTestFiles.organisation;
import static org.cocommission.directory.OdsTestFiles.practice;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The payments import and the register through the JSON API, on the embedded PostgreSQL: every yearly layout, all or
 * nothing, warnings, idempotent re-import, the register fed from the file, and who sees what.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ContractsFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractsApiTests {

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	@Autowired
	private ContractsFixture fixture;

	@Autowired
	private Payments payments;

	private Cookie national;

	private Cookie ccg;

	private Cookie practice;

	@Autowired
	ContractsApiTests(MockMvc mvc, JdbcClient jdbc) {
		this.mvc = mvc;
		this.jdbc = jdbc;
	}

	/**
	 * Area team Q44 with CCG 01C, whose practices are three of the four in the 2014/15 rows (N81021 is not known). The
	 * codes and years are this class's own ({@link ContractsFixture}).
	 */
	@BeforeAll
	void directoryAndUsers(@Autowired DirectoryImports imports) throws Exception {
		importOds(imports, OdsFile.REGIONS, organisation("Y01", "NORTH", "", ""));
		importOds(imports, OdsFile.AREA_TEAMS, organisation("Q44", "CHESHIRE, WARRINGTON AND WIRRAL", "Y01", ""));
		importOds(imports, OdsFile.ECCG, organisation("01C", "NHS EASTERN CHESHIRE CCG", "Y01", "Q44")
				+ organisation("02D", "NHS VALE ROYAL CCG", "Y01", "Q44"));
		importOds(imports, OdsFile.EPRACCUR, practice("N81632", "BROKEN CROSS SURGERY", "01C")
				+ practice("N81112", "THE SCHOOL HOUSE SURGERY", "01C") + practice("N81013", "HIGH STREET SURGERY", "02D"));
		fixture.user("ct-national", "National", null, Role.NATIONAL, "X24");
		fixture.user("ct-ccg", "CCG 01C", null, Role.CCG, "01C");
		fixture.user("ct-practice", "Practice N81632", null, Role.PRACTICE, "N81632");
		national = SignIn.session(mvc, "ct-national", ContractsFixture.PASSWORD);
		ccg = SignIn.session(mvc, "ct-ccg", ContractsFixture.PASSWORD);
		practice = SignIn.session(mvc, "ct-practice", ContractsFixture.PASSWORD);
		importFile("2014/15", "payments-14-15.csv").andExpect(status().isOk());
	}

	/** Imports a file, then waits for the register to be fed from it (after the import's commit, in the background). */
	private ResultActions importFile(String year, String resource) throws Exception {
		ResultActions imported = mvc.perform(post("/api/v1/contracts/imports/nhs-payments").param("year", year)
			.contentType("text/csv")
			.content(resource(resource))
			.cookie(national)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
		payments.feedRegister();
		return imported;
	}

	private static byte[] resource(String name) {
		return ContractsFixture.resource(name);
	}

	@Test
	void importsThe2014To15FileWarningOfAPracticeNotInTheDirectory() throws Exception {
		importFile("2014/15", "payments-14-15.csv").andExpect(status().isOk())
			.andExpect(jsonPath("$.rowsRead").value(4))
			.andExpect(jsonPath("$.stored").value(4))
			.andExpect(jsonPath("$.errors", hasSize(0)))
			.andExpect(jsonPath("$.warnings", hasSize(1)))
			.andExpect(jsonPath("$.warnings[0].row").value(5))
			.andExpect(jsonPath("$.warnings[0].message", containsString("N81021 (Mcilvride Medical Practice)")));
	}

	@Test
	void summarisesTheYearByContractType() throws Exception {
		mvc.perform(get("/api/v1/contracts/summary").param("year", "2014/15").cookie(national))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.practices").value(4))
			.andExpect(jsonPath("$.byType.GMS").value(1))
			.andExpect(jsonPath("$.byType.PMS").value(3))
			.andExpect(jsonPath("$.byType.APMS").value(0));
	}

	@Test
	void totalsPaymentsPerPatientAtEachLevel() throws Exception {
		// N81632: £635,996 over 5,707 registered and 5,113 weighted patients
		mvc.perform(get("/api/v1/contracts/payments").param("year", "2014/15").param("level", "practice").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(4)))
			.andExpect(jsonPath("$[?(@.orgCode == 'N81632')].contractType").value("PMS"))
			.andExpect(jsonPath("$[?(@.orgCode == 'N81632')].totalPayments").value(635996.0))
			.andExpect(jsonPath("$[?(@.orgCode == 'N81632')].perRegisteredPatient").value(111.44))
			.andExpect(jsonPath("$[?(@.orgCode == 'N81632')].perWeightedPatient").value(124.39));
		// the file names CCG 01C for all four: £635,996 + £642,520 + the two others over their patients
		mvc.perform(get("/api/v1/contracts/payments").param("year", "2014/15").param("level", "ccg").cookie(ccg))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].orgCode").value("01C"))
			.andExpect(jsonPath("$[0].registeredPatients").value(5707 + 4597 + 7620 + 6403));
		mvc.perform(get("/api/v1/contracts/payments").param("year", "2014/15").param("level", "england").cookie(practice))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].orgCode").value("ENG"));
	}

	@Test
	void aReImportChangesNothing() throws Exception {
		long history = jdbc.sql("select count(*) from contracts_contract_history").query(Long.class).single();
		long lines = jdbc.sql("select sum(cardinality(amounts)) from contracts_payment where year_start = 2014")
			.query(Long.class)
			.single();

		importFile("2014/15", "payments-14-15.csv").andExpect(status().isOk());

		assertCount("select count(*) from contracts_contract_history", history);
		assertCount("select sum(cardinality(amounts)) from contracts_payment where year_start = 2014", lines);
		org.assertj.core.api.Assertions.assertThat(lines).isEqualTo(4 * 36);
		org.assertj.core.api.Assertions.assertThat(ActingAs.system(() -> payments.lines(new FinancialYear(2014), "N81632")))
			.containsEntry("Balance of PMS Expenditure", new java.math.BigDecimal("397594.00"))
			.doesNotContainKey("Global Sum")
			.hasSize(22);
		assertCount("select count(*) from contracts_payment where year_start = 2014", 4);
	}

	@Test
	void aLaterYearsTypeIsTakenFromItsFirstDayAndAnOlderFileDoesNotUndoIt() throws Exception {
		String file = new String(resource("payments-14-15.csv"), java.nio.charset.StandardCharsets.UTF_8);
		String later = file.lines()
			.map(line -> line.contains(",N81021,") ? line.replace(",PMS,No,", ",GMS,No,") : line)
			.collect(java.util.stream.Collectors.joining("\n", "", "\n"));
		mvc.perform(post("/api/v1/contracts/imports/nhs-payments").param("year", "2020/21")
			.contentType("text/csv")
			.content(later.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.cookie(national)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk());

		importFile("2014/15", "payments-14-15.csv").andExpect(status().isOk());

		mvc.perform(get("/api/v1/contracts/practices/N81021").cookie(national))
			.andExpect(jsonPath("$.contractType").value("GMS"))
			.andExpect(jsonPath("$.history", hasSize(2)))
			.andExpect(jsonPath("$.history[0].effectiveFrom").value("2020-04-01"))
			.andExpect(jsonPath("$.history[0].change").value(
					"Contract type PMS to GMS (NHS Payments to General Practice 2020/21)"))
			.andExpect(jsonPath("$.history[1].effectiveFrom").value("2014-04-01"));
	}

	@Test
	void aFileWithAnyErrorStoresNothing() throws Exception {
		byte[] broken = (new String(resource("payments-19-20.csv"), java.nio.charset.StandardCharsets.UTF_8)
			.replace("730443.21", "seven")).getBytes(java.nio.charset.StandardCharsets.UTF_8);

		mvc.perform(post("/api/v1/contracts/imports/nhs-payments").param("year", "2018/19")
			.contentType("text/csv")
			.content(broken)
			.cookie(national)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.stored").value(0))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].message").value("Global Sum: 'seven' is not a number"));

		assertCount("select count(*) from contracts_payment where year_start = 2018", 0);
		// nothing taken into the register from it either
		assertCount("select count(*) from contracts_contract_history where change like '%2018/19%'", 0);
	}

	@Test
	void importsThe2019To20And2022To23Layouts() throws Exception {
		importFile("2019/20", "payments-19-20.csv").andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(4));
		importFile("2022/23", "payments-22-23.csv").andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(4));

		mvc.perform(get("/api/v1/contracts/summary").param("year", "2019/20").cookie(national))
			.andExpect(jsonPath("$.byType.GMS").value(2))
			.andExpect(jsonPath("$.byType.PMS").value(2));
		// 2022/23: the sub-ICB location, not the PCN in the columns Code and CCG NAME
		mvc.perform(get("/api/v1/contracts/payments").param("year", "2022/23").param("level", "ccg").cookie(national))
			.andExpect(jsonPath("$[0].orgCode").value("16C"))
			.andExpect(jsonPath("$[0].orgName").value("NHS NORTH EAST AND NORTH CUMBRIA ICB - 16C"));
	}

	@Test
	void thePracticeContractHasItsTypeHistoryAndCommissioner() throws Exception {
		mvc.perform(get("/api/v1/contracts/practices/N81632").cookie(practice))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.practiceName").value("BROKEN CROSS SURGERY"))
			.andExpect(jsonPath("$.contractType").value("PMS"))
			.andExpect(jsonPath("$.listSize").value(5707))
			.andExpect(jsonPath("$.history", hasSize(1)))
			.andExpect(jsonPath("$.history[0].effectiveFrom").value("2014-04-01"))
			.andExpect(jsonPath("$.commissioner.body").value("AREA_TEAM"))
			.andExpect(jsonPath("$.commissioner.ccgCode").value("01C"))
			.andExpect(jsonPath("$.commissioner.areaTeamCode").value("Q44"))
			.andExpect(jsonPath("$.openCases", hasSize(0)));
	}

	@Test
	void eachUserSeesTheContractsInTheirScope() throws Exception {
		mvc.perform(get("/api/v1/contracts/practices/N81112").cookie(practice)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/contracts/practices/N81112").cookie(ccg)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/contracts/practices/N81013").cookie(ccg)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/contracts").cookie(ccg))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[*].practiceCode").value(org.hamcrest.Matchers.contains("N81112", "N81632")));
		// N81021 is GMS too once aLaterYearsTypeIsTakenFromItsFirstDay... has run: whichever order the methods run in,
		// the filter finds the GMS practice and none of the PMS ones
		mvc.perform(get("/api/v1/contracts").param("type", "GMS").param("practice", "n81").cookie(national))
			.andExpect(jsonPath("$.items[*].practiceCode").value(org.hamcrest.Matchers.hasItem("N81013")))
			.andExpect(jsonPath("$.items[*].practiceCode").value(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("N81112")),
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("N81632")))));
		mvc.perform(get("/api/v1/contracts").param("ccg", "02D").cookie(national))
			.andExpect(jsonPath("$.items[*].practiceCode").value(org.hamcrest.Matchers.contains("N81013")));
		mvc.perform(post("/api/v1/contracts/imports/nhs-payments").param("year", "2014/15")
			.contentType("text/csv")
			.content(resource("payments-14-15.csv"))
			.cookie(ccg)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void refusesAYearThatIsNotOne() throws Exception {
		mvc.perform(get("/api/v1/contracts/summary").param("year", "2014").cookie(national))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"));
		mvc.perform(get("/contracts/payments").param("year", "2014/15").param("level", "county").cookie(national))
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("Choose a level: practice, ccg, area or england")));
	}

	@Test
	void thePagesShowTheRegisterThePracticeAndTheBenchmarks() throws Exception {
		mvc.perform(get("/contracts").param("type", "PMS").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("BROKEN CROSS SURGERY")));
		mvc.perform(get("/contracts.csv").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("N81632,BROKEN CROSS SURGERY,PMS,Not recorded,,,5707,No")));
		byte[] xlsx = mvc.perform(get("/contracts.xlsx").param("type", "PMS").cookie(ccg))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheet("GP contracts");
			org.assertj.core.api.Assertions.assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("Practice code");
			var rows = new java.util.ArrayList<String>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				var row = sheet.getRow(r);
				rows.add(row.getCell(0).getStringCellValue() + " " + row.getCell(2).getStringCellValue() + " "
						+ (long) row.getCell(6).getNumericCellValue());
			}
			org.assertj.core.api.Assertions.assertThat(rows).contains("N81632 PMS 5707")
				.noneMatch(row -> row.contains(" GMS "));
		}
		// the practice's directory page has its contract as a section of its own, for those who may see it
		mvc.perform(get("/organisations/N81632").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.allOf(containsString("GP contract"),
						containsString("PMS contract; contractor: not recorded"), containsString("5,707 patients"))));
		mvc.perform(get("/contracts/practices/N81632").cookie(practice))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("NHS England area team CHESHIRE, WARRINGTON AND WIRRAL")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("£124.39")));
		mvc.perform(get("/contracts/payments").param("year", "2014/15").param("level", "practice").cookie(practice))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("PMS premium")));
		mvc.perform(get("/contracts/payments.csv").param("year", "2014/15").param("level", "ccg").cookie(practice))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("01C,Eastern Cheshire,,4,")));
		mvc.perform(get("/contracts/imports").cookie(national))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("nhs-payments-to-general-practice-2014-15.csv")));
	}

	@Test
	void aCaseRunsThroughItsPagesToThePublicRegister() throws Exception {
		String created = mvc.perform(post("/api/v1/contracts/practices/N81112/cases").cookie(practiceUser(
				"ct-practice-n81112", "N81112"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind":"LIST_CLOSURE","title":"Close the list for six months","receivedOn":"2015-10-02",
					 "startsOn":"2015-11-01","endsOn":"2016-04-30"}""")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.acknowledgeBy").value("2015-10-09"))
			.andExpect(jsonPath("$.decideBy").value("2015-10-23"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();

		mvc.perform(get("/contracts/cases").cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("Close the list for six months")));
		mvc.perform(get("/contracts/cases/" + id).cookie(ccg))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("9 October 2015")));
		mvc.perform(get("/contracts/cases/" + id + "/decision").cookie(national))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("Approving closes N81112")))
			// the two answers in the order read aloud, approving first, on every start
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.matchesPattern("(?s).*value=\"true\".*Approve.*value=\"false\".*Refuse.*")));
		mvc.perform(post("/contracts/cases/" + id + "/decision").cookie(national)
			.param("version", "0").param("decidedOn", "2015-10-20").param("decision", "Refused")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("Choose approve or refuse")));
		mvc.perform(post("/contracts/cases/" + id + "/decision").cookie(ccg)
			.param("version", "0").param("approved", "false").param("decidedOn", "2015-10-20").param("decision", "Refused")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/contracts/cases/" + id + "/decision").cookie(national)
			.param("version", "0").param("approved", "false").param("decidedOn", "2015-10-20")
			.param("decision", "The list is not under pressure")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/public/contracts/decisions"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("The list is not under pressure")));
		mvc.perform(get("/api/v1/public/contracts/decisions"))
			.andExpect(jsonPath("$[?(@.caseId == " + id + ")].decidedBy")
				.value("NHS England area team CHESHIRE, WARRINGTON AND WIRRAL"));
		// the national view by region: page, CSV and JSON, open to everyone like the register
		mvc.perform(get("/public/contracts/decisions/regions"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("By NHS England")));
		mvc.perform(get("/public/contracts/decisions/regions.csv"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("Region code,Region,Decisions")));
		mvc.perform(get("/api/v1/public/contracts/decisions/regions"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.regionCode == 'Y01')].byNhsEngland").value(org.hamcrest.Matchers.hasItem(
					org.hamcrest.Matchers.greaterThanOrEqualTo(1))));
		mvc.perform(post("/contracts/practices/N81632/cases").cookie(ccg).param("title", "")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("Choose what kind of change this is")));
	}

	private Cookie practiceUser(String username, String code) throws Exception {
		fixture.user(username, username, null, Role.PRACTICE, code);
		return SignIn.session(mvc, username, ContractsFixture.PASSWORD);
	}

	private void assertCount(String sql, long expected) {
		org.assertj.core.api.Assertions.assertThat(jdbc.sql(sql).query(Long.class).single()).as(sql).isEqualTo(expected);
	}

	static final MediaType CSV = MediaType.parseMediaType("text/csv");
}
