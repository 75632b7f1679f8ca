package org.cocommission.access;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.cocommission.cocommissioning.Applications;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.NewRound;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.SignIn;
import org.cocommission.identity.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import static org.cocommission.directory.OdsTestFiles.importOds;
import static org.cocommission.directory.OdsTestFiles.organisation;
import static org.cocommission.directory.OdsTestFiles.practice;

/**
 * Every write endpoint, found from the handler mappings, tried by a practice user against another CCG's objects with
 * a body that could not be valid: refused (403) before the body is looked at, so the answer says nothing about the
 * object's state. Only the user's own things (account, notices, discussions and alerts open to every signed-in user)
 * are left out.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteAccessMatrixTests {

	private static final String PASSWORD = "write-matrix-password";

	/** Writes any signed-in user may make on their own account, notices, or the shared outcomes discussions. */
	private static final List<String> OWN_THINGS = List.of("/account/", "/api/v1/me/", "/notices/", "/api/v1/notices/",
			"/outcomes/discussions", "/api/v1/outcomes/discussions", "/outcomes/alerts/", "/api/v1/outcomes/alerts/");

	/** Forms anyone may post without signing in (UrlRules' public forms): the one-time token in the path decides. */
	private static final List<String> PUBLIC_FORMS = List.of("/survey/");

	@Autowired
	private MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private Cookie practice;

	private long foreignApplication;

	@BeforeAll
	void aForeignApplication(@Autowired DirectoryImports imports, @Autowired UserAccounts accounts,
			@Autowired UserDetailsService users, @Autowired Rounds rounds, @Autowired Applications applications)
			throws Exception {
		importOds(imports, OdsFile.REGIONS, organisation("Y61", "MIDLANDS", "", ""));
		importOds(imports, OdsFile.AREA_TEAMS, organisation("Q61", "ARDEN", "Y61", "") + organisation("Q62", "MERCIA", "Y61", ""));
		importOds(imports, OdsFile.ECCG,
				organisation("61A", "NHS HOME CCG", "Y61", "Q61") + organisation("62A", "NHS AWAY CCG", "Y61", "Q62"));
		importOds(imports, OdsFile.EPRACCUR, practice("W61001", "HOME SURGERY", "61A"));
		accounts.create(new NewUser("wm-national", "National", null, Role.NATIONAL, "X24", PASSWORD));
		accounts.create(new NewUser("wm-ccg-62a", "Away CCG", null, Role.CCG, "62A", PASSWORD));
		accounts.create(new NewUser("wm-practice", "Home practice", null, Role.PRACTICE, "W61001", PASSWORD));
		long round = ActingAs.as(users, "wm-national", () -> rounds.create(new NewRound("Write matrix round",
				EnumSet.allOf(CommissioningLevel.class), LocalDateTime.of(2030, 6, 20, 17, 0),
				LocalDateTime.of(2031, 1, 9, 12, 0), LocalDate.of(2031, 4, 1), 0, 4, List.of("Integration"))).id());
		foreignApplication = ActingAs.as(users, "wm-ccg-62a", () -> {
			applications.expressInterest(round, "62A", CommissioningLevel.JOINT);
			return applications.start(round, "62A", CommissioningLevel.JOINT).id();
		});
		practice = SignIn.session(mvc, "wm-practice", PASSWORD);
	}

	@Test
	void aPracticeLearnsNothingAboutAnotherCcgsApplicationFromABadRecommendation() throws Exception {
		String path = "/api/v1/co-commissioning/applications/" + foreignApplication + "/recommendation";
		assertThat(mvc.perform(request(HttpMethod.POST, path).with(httpBasic("wm-practice", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"recommendation\": \"NOPE\"}"))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(request(HttpMethod.POST, "/api/v1/finance/runs").with(httpBasic("wm-practice", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"envelope\": \"x\"}"))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(request(HttpMethod.POST, "/api/v1/governance/ccgs/62A/people")
			.with(httpBasic("wm-practice", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void everyWriteWithForeignIdsIsRefusedBeforeItsBodyIsRead() throws Exception {
		List<String> leaks = new ArrayList<>();
		int tried = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (RequestMethod method : methods) {
				if (method == RequestMethod.GET || method == RequestMethod.HEAD) {
					continue;
				}
				for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
					if (pattern.equals("/login") || pattern.equals("/logout") || pattern.startsWith("/error")
							|| OWN_THINGS.stream().anyMatch(pattern::startsWith)
							|| PUBLIC_FORMS.stream().anyMatch(pattern::startsWith)) {
						continue;
					}
					String path = foreign(pattern);
					boolean api = path.startsWith("/api/");
					var request = request(HttpMethod.valueOf(method.name()), path)
						.contentType(api ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_FORM_URLENCODED)
						.content(api ? "{\"version\": \"not a number\", \"name\": \"\"}" : "version=x&name=");
					request = api ? request.with(httpBasic("wm-practice", PASSWORD)) : request.cookie(practice).with(csrf());
					int status = mvc.perform(request).andReturn().getResponse().getStatus();
					tried++;
					if (status != 403) {
						leaks.add(method + " " + path + " -> " + status);
					}
				}
			}
		}
		System.out.printf("Write access matrix: %d writes tried as a practice with foreign ids, %d not refused%n", tried,
				leaks.size());
		assertThat(leaks).as("writes not refused with 403 out of %d", tried).isEmpty();
	}

	/** Path variables naming the other CCG and its objects (ids that name nothing else are the application's). */
	private String foreign(String pattern) {
		return pattern.replace("{ccg}", "62A")
			.replace("{kind}", "regions")
			.replace("{format}", "long")
			.replace("{programme}", "CORE_CCG")
			.replace("{startYear}", "2013")
			.replace("{year}", "2014")
			.replace("{username}", "wm-ccg-62a")
			.replace("{section}", "INTEGRATION")
			.replace("{transition}", "submit")
			.replaceAll("\\{[a-zA-Z]+\\}", String.valueOf(foreignApplication));
	}
}
