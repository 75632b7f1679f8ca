package org.cocommission.identity.tokens;

import org.cocommission.identity.AccessPolicy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The API token page's form, bound strictly and re-shown with each problem on its field, without a database. */
@WebMvcTest(ApiTokenController.class)
@WithMockUser("alice")
class ApiTokenFormTests {

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	@TestConfiguration
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneId.of("Europe/London"));
		}
	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ApiTokens tokens;

	@MockitoBean
	AccessPolicy policy;

	private final ApiToken token = new ApiToken(7, "Nightly extract", ApiTokenScope.READ, NOW,
			NOW.plusSeconds(90 * 86400L), null, null, null);

	@BeforeEach
	void tokens() {
		when(tokens.mine()).thenReturn(List.of(token));
		when(tokens.mine(7)).thenReturn(Optional.of(token));
	}

	@Test
	void listsTokensInWords() throws Exception {
		mvc.perform(get("/account/tokens"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nightly extract")))
			.andExpect(content().string(containsString("Read only")))
			.andExpect(content().string(containsString("7 Mar 2027")))
			.andExpect(content().string(not(containsString("READ_WRITE</"))));
	}

	@Test
	void anImpossibleDateAndAnUnknownScopeAreShownOnTheirFieldsAndNothingIsMade() throws Exception {
		mvc.perform(post("/account/tokens").with(csrf())
			.param("name", "Extract")
			.param("scope", "EVERYTHING")
			.param("expiresOn", "2027-02-30"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"scope-error\"")))
			.andExpect(content().string(containsString("id=\"expiresOn-error\"")))
			.andExpect(content().string(containsString("Error: API tokens")));
		verify(tokens, never()).create(any());
	}

	@Test
	void theSecretIsShownOnceAndNotCached() throws Exception {
		when(tokens.create(new NewApiToken("Extract", ApiTokenScope.READ_WRITE, LocalDate.of(2027, 1, 31))))
			.thenReturn(new ApiToken.Created(token, "cct_secret-value"));
		mvc.perform(post("/account/tokens").with(csrf())
			.param("name", "Extract")
			.param("scope", "READ_WRITE")
			.param("expiresOn", "2027-01-31"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(containsString("value=\"cct_secret-value\"")))
			.andExpect(content().string(containsString("only time the token is shown")));
	}

	@Test
	void revokingAsksFirstAndSaysWhatChanges() throws Exception {
		mvc.perform(get("/account/tokens/7/revoke"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Every program that uses this token will be refused")))
			.andExpect(content().string(containsString("It has never been used.")));
	}
}
