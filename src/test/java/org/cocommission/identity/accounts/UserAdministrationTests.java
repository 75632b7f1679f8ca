package org.cocommission.identity.accounts;

import org.cocommission.identity.IdentityFixtures;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccountChanged;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.identity.IdentityFixtures.PASSWORD;
import static org.cocommission.identity.IdentityFixtures.signIn;
import static org.cocommission.identity.IdentityFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** NHS England opening, listing, disabling and enabling accounts, on the pages and through the API. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class UserAdministrationTests {

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private IdentityFixtures fixtures;

	private String national;

	@Autowired
	UserAdministrationTests(MockMvc mvc, JdbcClient jdbc, UserAccounts accounts) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@BeforeEach
	void setUp() {
		fixtures = new IdentityFixtures(jdbc, accounts);
		national = fixtures.national();
	}

	@Test
	void opensAnAccountThroughTheApiThatCanThenSignIn(ApplicationEvents events) throws Exception {
		String ccg = fixtures.organisation("CCG", null);
		String username = unique("new-ccg");

		mvc.perform(post("/api/v1/users").with(httpBasic(national, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username": "%s", "displayName": "Ada Lovelace", "email": "ada@example.nhs.uk",
					 "role": "CCG", "organisationCode": "%s", "password": "a long enough password"}"""
				.formatted(username, ccg.toLowerCase())))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/users/" + username))
			.andExpect(jsonPath("$.username").value(username))
			.andExpect(jsonPath("$.role").value("CCG"))
			.andExpect(jsonPath("$.organisationCode").value(ccg))
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.password").doesNotExist())
			.andExpect(jsonPath("$.passwordHash").doesNotExist());

		mvc.perform(formLogin().user(username).password("a long enough password"))
			.andExpect(authenticated().withRoles("CCG"));
		assertThat(events.stream(UserAccountChanged.class))
			.anyMatch(event -> event.action().equals("USER_CREATED") && event.username().equals(username)
					&& event.organisationCode().equals(ccg)
					&& event.after() instanceof UserAccountChanged.AccountState state && state.role().equals("CCG"));
	}

	@Test
	void refusesAnAccountWithAShortPasswordSayingWhyAndSavesNothing(ApplicationEvents events) throws Exception {
		String username = unique("short");

		mvc.perform(post("/api/v1/users").with(httpBasic(national, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username": "%s", "displayName": "Short", "role": "NATIONAL", "organisationCode": "X24",
					 "password": "too-short"}""".formatted(username)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("password: Password must be at least 12 characters (and at most 200)"));

		assertThat(accounts.find(username)).isEmpty();
		assertThat(events.stream(UserAccountChanged.class)).noneMatch(event -> event.username().equals(username));
	}

	@Test
	void refusesAnAccountForAnOrganisationThatDoesNotExist() throws Exception {
		String username = unique("nowhere");

		mvc.perform(post("/api/v1/users").with(httpBasic(national, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username": "%s", "displayName": "Nowhere", "role": "PRACTICE", "organisationCode": "ZZZ999",
					 "password": "a long enough password"}""".formatted(username)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("organisationCode: No organisation has the code ZZZ999"));

		assertThat(accounts.find(username)).isEmpty();
	}

	@Test
	void refusesAnAccountWhoseRoleDoesNotMatchItsOrganisation() throws Exception {
		String username = unique("wrong-scope");
		String areaTeam = fixtures.organisation("AREA_TEAM", null);

		mvc.perform(post("/api/v1/users").with(httpBasic(national, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username": "%s", "displayName": "Too wide", "role": "CCG", "organisationCode": "%s",
					 "password": "a long enough password"}""".formatted(username, areaTeam)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("organisationCode: A CCG account must belong to a CCG; " + areaTeam
					+ " is not one"));

		assertThat(accounts.find(username)).isEmpty();
	}

	@Test
	void refusesABadUsernameAndAMissingRole() throws Exception {
		mvc.perform(post("/api/v1/users").with(httpBasic(national, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username": "Bad Name", "displayName": "Bad", "organisationCode": "X24",
					 "password": "a long enough password"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("username: Username must start with")))
			.andExpect(jsonPath("$.detail").value(containsString("role: Select a role")));

		assertThat(accounts.find("Bad Name")).isEmpty();
	}

	@Test
	void refusesAUsernameThatIsTakenWithAConflict() throws Exception {
		String existing = fixtures.ccgUser();
		String before = passwordHash(existing);

		mvc.perform(post("/api/v1/users").with(httpBasic(national, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username": "%s", "displayName": "Impostor", "role": "NATIONAL", "organisationCode": "X24",
					 "password": "a long enough password"}""".formatted(existing)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("An account called " + existing + " already exists"));

		assertThat(accounts.find(existing).orElseThrow().role()).isEqualTo(Role.CCG);
		assertThat(passwordHash(existing)).isEqualTo(before);
	}

	@Test
	void listsAccountsByOrganisationAndSearchAPageAtATime() throws Exception {
		String ccg = fixtures.organisation("CCG", null);
		String first = fixtures.user(Role.CCG, ccg);
		String second = fixtures.user(Role.CCG, ccg);
		String third = fixtures.user(Role.CCG, ccg);
		fixtures.ccgUser();

		mvc.perform(get("/api/v1/users").param("organisation", ccg).param("size", "2").with(httpBasic(national, PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.items", hasSize(2)));
		mvc.perform(get("/api/v1/users").param("organisation", ccg.toLowerCase())
			.param("size", "2")
			.param("page", "1")
			.with(httpBasic(national, PASSWORD)))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items", hasSize(1)));
		mvc.perform(get("/api/v1/users").param("q", second.toUpperCase()).with(httpBasic(national, PASSWORD)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].username").value(second))
			.andExpect(jsonPath("$.items[0].role").value("CCG"))
			.andExpect(jsonPath("$.items[0].enabled").value(true));
		mvc.perform(get("/api/v1/users").param("q", "Test " + third).with(httpBasic(national, PASSWORD)))
			.andExpect(jsonPath("$.items[0].username").value(third));
		mvc.perform(get("/api/v1/users").param("q", "%").param("organisation", ccg).with(httpBasic(national, PASSWORD)))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/users").param("size", "1000").with(httpBasic(national, PASSWORD)))
			.andExpect(status().isBadRequest());
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void theUsersPageListsAndFiltersAccounts() throws Exception {
		String ccg = fixtures.organisation("CCG", null);
		String inCcg = fixtures.user(Role.CCG, ccg);
		String elsewhere = fixtures.ccgUser();
		accounts.setEnabled(inCcg, false);
		Cookie session = signIn(mvc, national, PASSWORD);

		mvc.perform(get("/users").param("organisation", ccg).cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(inCcg)))
			.andExpect(content().string(containsString("Disabled")))
			.andExpect(content().string(not(containsString(elsewhere))));
		mvc.perform(get("/users").param("q", elsewhere).cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(elsewhere)))
			.andExpect(content().string(containsString("1 account")))
			.andExpect(content().string(not(containsString(inCcg))));
		mvc.perform(get("/users").param("q", national).cookie(session))
			.andExpect(content().string(containsString("Your account")))
			.andExpect(content().string(not(containsString("/users/" + national + "/disable"))));
	}

	@Test
	void theUsersPageGoesThroughPages() throws Exception {
		String ccg = fixtures.organisation("CCG", null);
		for (int i = 0; i <= UserAdministrationController.PAGE_SIZE; i++) {
			jdbc.sql("insert into identity_user_account (username, password_hash, display_name, role, organisation_code)"
					+ " values (?, '{noop}unused', 'Bulk', 'CCG', ?)")
				.params("bulk-" + ccg.toLowerCase() + "-" + String.format("%02d", i), ccg)
				.update();
		}
		Cookie session = signIn(mvc, national, PASSWORD);

		mvc.perform(get("/users").param("organisation", ccg).cookie(session))
			.andExpect(content().string(containsString("26 accounts")))
			.andExpect(content().string(containsString("Page 2 of 2")))
			.andExpect(content().string(not(containsString("-25<"))));
		mvc.perform(get("/users").param("organisation", ccg).param("page", "1").cookie(session))
			.andExpect(content().string(containsString("bulk-" + ccg.toLowerCase() + "-25")))
			.andExpect(content().string(containsString("Page 1 of 2")));
	}

	@Test
	void opensAnAccountFromTheForm() throws Exception {
		String practice = fixtures.organisation("GP_PRACTICE", null);
		String username = unique("new-practice");
		Cookie session = signIn(mvc, national, PASSWORD);

		mvc.perform(get("/users/new").cookie(session)).andExpect(status().isOk());
		mvc.perform(post("/users").cookie(session)
			.with(csrf())
			.param("username", username)
			.param("displayName", "Practice Manager")
			.param("email", "")
			.param("role", "PRACTICE")
			.param("organisationCode", practice)
			.param("password", "a long enough password"))
			.andExpect(redirectedUrl("/users"))
			.andExpect(flash().attribute("message", "Account " + username + " opened"));

		UserView created = accounts.find(username).orElseThrow();
		assertThat(created.role()).isEqualTo(Role.PRACTICE);
		assertThat(created.organisationCode()).isEqualTo(practice);
		assertThat(created.email()).isNull();
	}

	@Test
	void theFormShowsEachProblemNextToItsFieldAndSavesNothing() throws Exception {
		Cookie session = signIn(mvc, national, PASSWORD);
		long before = accountCount();

		mvc.perform(post("/users").cookie(session)
			.with(csrf())
			.param("username", "Not Valid")
			.param("displayName", "Someone")
			.param("email", "not-an-email")
			.param("role", "CCG")
			.param("organisationCode", "NOPE1")
			.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("nhsuk-error-summary")))
			.andExpect(content().string(containsString("href=\"#username\"")))
			.andExpect(content().string(containsString("id=\"username-error\"")))
			.andExpect(content().string(containsString("id=\"email-error\"")))
			.andExpect(content().string(containsString("id=\"password-error\"")))
			.andExpect(content().string(containsString("Password must be at least 12 characters")))
			.andExpect(content().string(containsString("value=\"Not Valid\"")))
			.andExpect(content().string(not(containsString("value=\"short\""))));
		mvc.perform(post("/users").cookie(session)
			.with(csrf())
			.param("username", unique("valid"))
			.param("displayName", "Someone")
			.param("role", "CCG")
			.param("organisationCode", "NOPE1")
			.param("password", "a long enough password"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"organisationCode-error\"")))
			.andExpect(content().string(containsString("No organisation has the code NOPE1")));
		mvc.perform(post("/users").cookie(session)
			.with(csrf())
			.param("username", unique("no-role"))
			.param("displayName", "Someone")
			.param("role", "KING")
			.param("organisationCode", "X24")
			.param("password", "a long enough password"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Select a role")));

		assertThat(accountCount()).isEqualTo(before);
	}

	@Test
	void theErrorSummaryListsTheProblemsInTheOrderOfTheForm() throws Exception {
		Cookie session = signIn(mvc, national, PASSWORD);

		String page = mvc.perform(post("/users").cookie(session)
			.with(csrf())
			.param("username", "Not Valid")
			.param("displayName", "")
			.param("email", "not-an-email")
			.param("organisationCode", "")
			.param("password", "short"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String summary = page.substring(page.indexOf("nhsuk-error-summary__list"), page.indexOf("</ul>",
				page.indexOf("nhsuk-error-summary__list")));
		assertThat(Pattern.compile("href=\"#(\\w+)\"").matcher(summary).results().map(match -> match.group(1)))
			.containsExactly("username", "displayName", "email", "role", "organisationCode", "password");
	}

	@Test
	void theFormSaysWhenAUsernameIsTaken() throws Exception {
		String existing = fixtures.ccgUser();
		Cookie session = signIn(mvc, national, PASSWORD);

		mvc.perform(post("/users").cookie(session)
			.with(csrf())
			.param("username", existing)
			.param("displayName", "Someone else")
			.param("role", "NATIONAL")
			.param("organisationCode", "X24")
			.param("password", "a long enough password"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("An account called " + existing + " already exists")));

		assertThat(accounts.find(existing).orElseThrow().role()).isEqualTo(Role.CCG);
	}

	@Test
	void disablesAndEnablesAnAccountFromThePage(ApplicationEvents events) throws Exception {
		String username = fixtures.ccgUser();
		Cookie session = signIn(mvc, national, PASSWORD);

		mvc.perform(post("/users/{username}/disable", username).cookie(session).with(csrf()))
			.andExpect(redirectedUrl("/users"))
			.andExpect(flash().attribute("message", "Account " + username + " disabled"));
		assertThat(accounts.find(username).orElseThrow().enabled()).isFalse();
		mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));

		mvc.perform(post("/users/{username}/enable", username).cookie(session).with(csrf()))
			.andExpect(redirectedUrl("/users"));
		assertThat(accounts.find(username).orElseThrow().enabled()).isTrue();
		mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(authenticated());

		assertThat(events.stream(UserAccountChanged.class).filter(event -> event.username().equals(username)))
			.extracting(UserAccountChanged::action)
			.containsExactly("USER_CREATED", "USER_DISABLED", "USER_ENABLED");
	}

	@Test
	void disablesAndEnablesAnAccountThroughTheApi() throws Exception {
		String username = fixtures.ccgUser();

		mvc.perform(post("/api/v1/users/{username}/disable", username).with(httpBasic(national, PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false));
		mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());

		mvc.perform(post("/api/v1/users/{username}/enable", username).with(httpBasic(national, PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(true));
		mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD))).andExpect(status().isOk());

		mvc.perform(post("/api/v1/users/{username}/disable", "nobody-at-all").with(httpBasic(national, PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void nobodyCanDisableTheirOwnAccount() throws Exception {
		mvc.perform(post("/api/v1/users/{username}/disable", national).with(httpBasic(national, PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("username: You cannot disable your own account"));

		Cookie session = signIn(mvc, national, PASSWORD);
		mvc.perform(post("/users/{username}/disable", national).cookie(session).with(csrf()))
			.andExpect(redirectedUrl("/users"))
			.andExpect(flash().attribute("problem", "You cannot disable your own account"));

		assertThat(accounts.find(national).orElseThrow().enabled()).isTrue();
	}

	private long accountCount() {
		return jdbc.sql("select count(*) from identity_user_account").query(Long.class).single();
	}

	private String passwordHash(String username) {
		return jdbc.sql("select password_hash from identity_user_account where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}
}
