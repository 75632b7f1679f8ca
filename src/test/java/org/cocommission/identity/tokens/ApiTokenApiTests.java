package org.cocommission.identity.tokens;

import org.cocommission.identity.IdentityFixtures;
import org.cocommission.identity.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.identity.IdentityFixtures.PASSWORD;
import static org.cocommission.identity.IdentityFixtures.signIn;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * API tokens end to end: made through the API by a signed-in user, then used as {@code Authorization: Bearer} to read
 * and write within its scope; expired, revoked and unknown tokens are 401s; a token never signs in a page nor spares a
 * cookie-signed write its CSRF token; the audit trail has its making, first use and revoking.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTokenApiTests {

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private String username;

	private Cookie session;

	@Autowired
	ApiTokenApiTests(MockMvc mvc, JdbcClient jdbc, UserAccounts accounts) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@BeforeEach
	void signedIn() throws Exception {
		username = new IdentityFixtures(jdbc, accounts).ccgUser();
		session = signIn(mvc, username, PASSWORD);
	}

	private String token(String scope) throws Exception {
		String body = mvc
			.perform(post("/api/v1/me/tokens").cookie(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Extract\",\"scope\":\"" + scope + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(jsonPath("$.token.scope").value(scope))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.secret");
	}

	@Test
	void aTokenReadsAsItsOwnerWithoutASession() throws Exception {
		String secret = token("READ");

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(username))
			.andExpect(header().doesNotExist("Set-Cookie"));
		mvc.perform(get("/api/v1/me/tokens").cookie(session))
			.andExpect(jsonPath("$[0].lastUsedAt").isNotEmpty())
			.andExpect(jsonPath("$[0].secret").doesNotExist());
		assertThat(audited("API_TOKEN_CREATED")).isEqualTo(1);
		assertThat(audited("API_TOKEN_FIRST_USED")).isEqualTo(1);
		assertThat(states("API_TOKEN_CREATED")).isEqualTo("null | [expiresAt, scope, token]");
		assertThat(states("API_TOKEN_FIRST_USED")).isEqualTo("null | [token]");
	}

	@Test
	void aReadOnlyTokenIsRefusedAWriteWith403AndAReadWriteTokenMayWrite() throws Exception {
		String body = "{\"currentPassword\":\"wrong password here\",\"newPassword\":\"another long password\"}";
		mvc.perform(post("/api/v1/me/password").header("Authorization", "Bearer " + token("READ"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("may only read")));
		// Past the scope check, the write reaches the service (which refuses the wrong current password).
		mvc.perform(post("/api/v1/me/password").header("Authorization", "Bearer " + token("READ_WRITE"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isBadRequest());
	}

	@Test
	void expiredRevokedAndUnknownTokensAre401() throws Exception {
		String expired = token("READ");
		jdbc.sql("""
				update identity_api_token set created_at = now() - interval '91 days', expires_at = now() - interval '1 day'
				where secret_sha256 = ?""").param(ApiTokens.digest(expired)).update();
		String revoked = token("READ");
		long id = jdbc.sql("select id from identity_api_token where secret_sha256 = ?")
			.param(ApiTokens.digest(revoked))
			.query(Long.class)
			.single();
		mvc.perform(post("/api/v1/me/tokens/{id}/revoke", id).cookie(session).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revokedAt").isNotEmpty());

		for (String secret : new String[] { expired, revoked, "cct_nonsense", "not even a token" }) {
			mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		assertThat(audited("API_TOKEN_REVOKED")).isEqualTo(1);
		assertThat(jdbc.sql("select (before_state ->> 'revoked') || ' to ' || (after_state ->> 'revoked')"
				+ " from audit_event where action = 'API_TOKEN_REVOKED' and entity_id = ?").param(username)
			.query(String.class)
			.single()).isEqualTo("false to true");
	}

	@Test
	void aTokenCannotMakeOrRevokeTokens() throws Exception {
		String secret = token("READ_WRITE");
		mvc.perform(post("/api/v1/me/tokens").header("Authorization", "Bearer " + secret)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"More\",\"scope\":\"READ_WRITE\"}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer " + secret))
			.andExpect(status().isForbidden());
	}

	@Test
	void aTokenNeverSignsInAPage() throws Exception {
		String secret = token("READ_WRITE");
		mvc.perform(get("/account").header("Authorization", "Bearer " + secret))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void aCookieSignedWriteNeedsItsCsrfTokenEvenWithABearerToken() throws Exception {
		String secret = token("READ_WRITE");
		mvc.perform(post("/api/v1/me/password").cookie(session)
			.header("Authorization", "Bearer " + secret)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"x\",\"newPassword\":\"y\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("CSRF")));
	}

	@Test
	void makingATokenNamesEachWrongField() throws Exception {
		mvc.perform(post("/api/v1/me/tokens").cookie(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"\",\"scope\":\"READ\",\"expiresOn\":\"2099-01-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("name")));
		assertThat(jdbc.sql("select count(*) from identity_api_token where username = ?")
			.param(username)
			.query(Long.class)
			.single()).isZero();
	}

	/** The audit entry's state before (null or its keys) and after (its keys), keys in order. */
	private String states(String action) {
		return jdbc.sql("""
				select coalesce((select cast(array_agg(k order by k) as text) from jsonb_object_keys(before_state) k),
				                'null')
				       || ' | ' || (select cast(array_agg(k order by k) as text) from jsonb_object_keys(after_state) k)
				from audit_event where action = ? and entity_id = ?""")
			.params(action, username)
			.query(String.class)
			.single()
			.replace("{", "[")
			.replace("}", "]")
			.replace(",", ", ");
	}

	private long audited(String action) {
		return jdbc.sql("select count(*) from audit_event where action = ? and entity_id = ?")
			.params(action, username)
			.query(Long.class)
			.single();
	}
}
