package org.cocommission.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.SignIn;
import org.cocommission.identity.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import static org.cocommission.directory.OdsTestFiles.importOds;
import static org.cocommission.directory.OdsTestFiles.organisation;
import static org.cocommission.directory.OdsTestFiles.practice;

/**
 * Who may open what: every role against public pages, private pages, national-only pages and the API of every
 * capability, including another organisation's non-public data (its audit trail, registers, budget). 200 allowed,
 * 403 refused, 302 to the login page, 401 for an API call without credentials.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

	private static final String PASSWORD = "matrix-password-1";

	private static final int LOGIN = 302;

	private final MockMvc mvc;

	private final DirectoryImports imports;

	private final UserAccounts accounts;

	private final Map<String, Cookie> sessions = new HashMap<>();

	@Autowired
	AccessMatrixTests(MockMvc mvc, DirectoryImports imports, UserAccounts accounts) {
		this.mvc = mvc;
		this.imports = imports;
		this.accounts = accounts;
	}

	/** Two area teams; Q01 has CCGs 01A and 01B, Q02 has 02A; one practice in each CCG. */
	@BeforeAll
	void directoryAndOneUserPerRole() throws Exception {
		importOds(imports, OdsFile.REGIONS, organisation("Y01", "NORTH", "", ""));
		importOds(imports, OdsFile.AREA_TEAMS,
				organisation("Q01", "TEES", "Y01", "") + organisation("Q02", "TYNE", "Y01", ""));
		importOds(imports, OdsFile.ECCG, organisation("01A", "NHS FIRST CCG", "Y01", "Q01")
				+ organisation("01B", "NHS SECOND CCG", "Y01", "Q01") + organisation("02A", "NHS THIRD CCG", "Y01", "Q02"));
		importOds(imports, OdsFile.EPRACCUR, practice("M10001", "PRACTICE M10001", "01A")
				+ practice("M10002", "PRACTICE M10002", "01B") + practice("M20001", "PRACTICE M20001", "02A"));
		open("national", Role.NATIONAL, "X24");
		open("area-q01", Role.AREA_TEAM, "Q01");
		open("ccg-01a", Role.CCG, "01A");
		open("practice-m10001", Role.PRACTICE, "M10001");
		for (String username : List.of("national", "area-q01", "ccg-01a", "practice-m10001")) {
			sessions.put(username, SignIn.session(mvc, username, PASSWORD));
		}
	}

	static List<Arguments> matrix() {
		List<Arguments> rows = new ArrayList<>();
		// path, then expected status for: anonymous, practice M10001, CCG 01A, area team Q01, national
		add(rows, "/", 200, 200, 200, 200, 200);
		add(rows, "/organisations?type=CCG", 200, 200, 200, 200, 200);
		add(rows, "/organisations/M10001", 200, 200, 200, 200, 200);
		add(rows, "/coverage", 200, 200, 200, 200, 200);
		add(rows, "/search?q=first", 200, 200, 200, 200, 200);
		add(rows, "/api/v1/organisations/M10001", 200, 200, 200, 200, 200);
		add(rows, "/api/v1/coverage?date=2014-01-01", 200, 200, 200, 200, 200);
		add(rows, "/account", LOGIN, 200, 200, 200, 200);
		add(rows, "/notices", LOGIN, 200, 200, 200, 200);
		add(rows, "/api/v1/me", 401, 200, 200, 200, 200);
		add(rows, "/audit", LOGIN, 200, 200, 200, 200);
		add(rows, "/audit?organisation=M10001", LOGIN, 200, 200, 200, 200);
		add(rows, "/audit?organisation=01A", LOGIN, 403, 200, 200, 200);
		add(rows, "/audit?organisation=01B", LOGIN, 403, 403, 200, 200);
		add(rows, "/audit?organisation=02A", LOGIN, 403, 403, 403, 200);
		add(rows, "/api/v1/audit?organisation=01B", 401, 403, 403, 200, 200);
		add(rows, "/api/v1/audit?organisation=M20001", 401, 403, 403, 403, 200);
		add(rows, "/users", LOGIN, 403, 403, 403, 200);
		add(rows, "/api/v1/users", 401, 403, 403, 403, 200);
		add(rows, "/outbox", LOGIN, 403, 403, 403, 200);
		add(rows, "/api/v1/outbox", 401, 403, 403, 403, 200);
		add(rows, "/directory/imports", LOGIN, 403, 403, 403, 200);
		add(rows, "/api/v1/directory/imports", 401, 403, 403, 403, 200);
		governance(rows);
		coCommissioning(rows);
		finance(rows);
		qualityPremium(rows);
		outcomes(rows);
		contracts(rows);
		return rows;
	}

	/** Registers belong to their CCG and its area team; what is published is everyone's. */
	private static void governance(List<Arguments> rows) {
		add(rows, "/governance/ccgs/01A", LOGIN, 403, 200, 200, 200);
		add(rows, "/governance/ccgs/01B/register", LOGIN, 403, 403, 200, 200);
		add(rows, "/governance/ccgs/02A/gifts", LOGIN, 403, 403, 403, 200);
		add(rows, "/api/v1/governance/ccgs/01B/register", 401, 403, 403, 200, 200);
		add(rows, "/api/v1/governance/ccgs/02A/people", 401, 403, 403, 403, 200);
		add(rows, "/governance/compliance.csv", LOGIN, 403, 403, 403, 200);
		add(rows, "/governance/ccgs/01B/compliance.csv", LOGIN, 403, 403, 200, 200);
		add(rows, "/public/governance/ccgs/02A/register", 200, 200, 200, 200, 200);
		add(rows, "/public/governance/decisions", 200, 200, 200, 200, 200);
		add(rows, "/api/v1/public/governance/decisions", 200, 200, 200, 200, 200);
	}

	/** Rounds are set up nationally; approved arrangements are public. */
	private static void coCommissioning(List<Arguments> rows) {
		add(rows, "/co-commissioning", LOGIN, 200, 200, 200, 200);
		add(rows, "/co-commissioning/rounds/new", LOGIN, 403, 403, 403, 200);
		add(rows, "/co-commissioning/national", LOGIN, 403, 403, 403, 200);
		add(rows, "/api/v1/co-commissioning/national", 401, 403, 403, 403, 200);
		add(rows, "/public/co-commissioning", 200, 200, 200, 200, 200);
		add(rows, "/api/v1/public/co-commissioning/arrangements", 200, 200, 200, 200, 200);
	}

	/** Budgets are the CCG's own, its area team's and national; runs are national work in progress. */
	private static void finance(List<Arguments> rows) {
		add(rows, "/finance/budgets/01A", LOGIN, 403, 200, 200, 200);
		add(rows, "/finance/budgets/01B", LOGIN, 403, 403, 200, 200);
		add(rows, "/finance/runs", LOGIN, 403, 403, 403, 200);
		add(rows, "/api/v1/finance/runs", 401, 403, 403, 403, 200);
	}

	private static void qualityPremium(List<Arguments> rows) {
		add(rows, "/quality-premium", LOGIN, 200, 200, 200, 200);
		add(rows, "/quality-premium/data", LOGIN, 403, 403, 403, 200);
		add(rows, "/api/v1/quality-premium/runs", 401, 403, 403, 403, 200);
	}

	/** Indicator values are not personal data: every signed-in user reads them; imports are national. */
	private static void outcomes(List<Arguments> rows) {
		add(rows, "/outcomes/ccgs/01A", LOGIN, 200, 200, 200, 200);
		add(rows, "/api/v1/outcomes/peers/01A", 401, 200, 200, 200, 200);
		add(rows, "/outcomes/imports", LOGIN, 403, 403, 403, 200);
	}

	/** A contract is its practice's, its CCG's and its area team's; payments are published figures; imports NHS England's (national and area teams). */
	private static void contracts(List<Arguments> rows) {
		add(rows, "/contracts", LOGIN, 200, 200, 200, 200);
		add(rows, "/api/v1/contracts", 401, 200, 200, 200, 200);
		add(rows, "/contracts/payments", LOGIN, 200, 200, 200, 200);
		add(rows, "/api/v1/contracts/summary?year=2014/15", 401, 200, 200, 200, 200);
		add(rows, "/contracts/imports", LOGIN, 403, 403, 200, 200);
		add(rows, "/api/v1/contracts/imports", 401, 403, 403, 200, 200);
		add(rows, "/contracts/practices/M10002", LOGIN, 403, 403, 404, 404);
		add(rows, "/api/v1/contracts/practices/M20001", 401, 403, 403, 403, 404);
		add(rows, "/contracts/cases", LOGIN, 200, 200, 200, 200);
		add(rows, "/api/v1/contracts/cases", 401, 200, 200, 200, 200);
		add(rows, "/api/v1/contracts/practices/M10002/cases", 401, 403, 403, 200, 200);
		add(rows, "/public/contracts/decisions", 200, 200, 200, 200, 200);
		add(rows, "/api/v1/public/contracts/decisions", 200, 200, 200, 200, 200);
	}

	private static void add(List<Arguments> rows, String path, int anonymous, int practice, int ccg, int area,
			int national) {
		rows.add(Arguments.of(path, "anonymous", anonymous));
		rows.add(Arguments.of(path, "practice-m10001", practice));
		rows.add(Arguments.of(path, "ccg-01a", ccg));
		rows.add(Arguments.of(path, "area-q01", area));
		rows.add(Arguments.of(path, "national", national));
	}

	@ParameterizedTest(name = "{1} GET {0} -> {2}")
	@MethodSource("matrix")
	void answersEachRoleAsItsScopeAllows(String path, String user, int expected) throws Exception {
		MockHttpServletRequestBuilder request = get(path);
		if (!user.equals("anonymous")) {
			request.cookie(sessions.get(user));
		}
		var response = mvc.perform(request).andReturn().getResponse();

		assertThat(response.getStatus()).as("%s GET %s", user, path).isEqualTo(expected);
		if (expected == LOGIN) {
			assertThat(response.getRedirectedUrl()).endsWith("/login");
		}
	}

	private void open(String username, Role role, String organisation) {
		if (accounts.find(username).isEmpty()) {
			accounts.create(new NewUser(username, "Matrix " + username, null, role, organisation, PASSWORD));
		}
	}
}
