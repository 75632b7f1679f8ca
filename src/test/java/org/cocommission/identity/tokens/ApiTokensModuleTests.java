package org.cocommission.identity.tokens;

import org.cocommission.identity.InvalidAccountInputException;
import org.cocommission.identity.OrganisationHierarchy;
import org.cocommission.identity.UserAccountChanged;
import org.cocommission.identity.accounts.AccountDetails;
import org.cocommission.identity.accounts.AccountDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * API tokens in the identity module alone, on the embedded PostgreSQL: a token is stored only as its digest, lasts 90
 * days unless told otherwise and never more than a year, works until revoked, and its making, first use and revoking
 * are published for the audit trail.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@RecordApplicationEvents
class ApiTokensModuleTests {

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDetailsService users;

	@Autowired
	ApplicationEvents events;

	/** The directory's side of access, which these tests do not reach. */
	@MockitoBean
	OrganisationHierarchy hierarchy;

	private String username;

	@BeforeEach
	void signedIn() {
		username = "tokens-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("""
				insert into identity_user_account (username, password_hash, display_name, role, organisation_code)
				values (?, '{noop}unused', 'Token owner', 'CCG', '00L')""").param(username).update();
		AccountDetails owner = (AccountDetails) users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(owner, null, owner.getAuthorities()));
	}

	@AfterEach
	void signedOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void storesOnlyTheDigestOfARandomSecretAndLastsNinetyDaysByDefault() {
		ApiToken.Created created = tokens.create(new NewApiToken("Nightly extract", ApiTokenScope.READ, null));

		assertThat(created.secret()).startsWith("cct_").hasSize(4 + 43);
		String stored = jdbc.sql("select secret_sha256 from identity_api_token where id = ?")
			.param(created.token().id())
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(ApiTokens.digest(created.secret())).doesNotContain(created.secret().substring(4));
		assertThat(Duration.between(created.token().createdAt(), created.token().expiresAt()))
			.isEqualTo(Duration.ofDays(90));
		assertThat(tokens.create(new NewApiToken("Another", ApiTokenScope.READ, null)).secret())
			.isNotEqualTo(created.secret());
		assertThat(events.stream(UserAccountChanged.class))
			.anyMatch(e -> e.action().equals("API_TOKEN_CREATED") && e.username().equals(username));
	}

	@Test
	void anExpiryDateIsTheLastDayTheTokenWorksAndAtMostAYearAhead() {
		ZoneId zone = ZoneId.systemDefault();
		LocalDate inAYear = LocalDate.now(zone).plusDays(365);
		ApiToken token = tokens.create(new NewApiToken("A year", ApiTokenScope.READ_WRITE, inAYear)).token();
		assertThat(token.expiresAt()).isEqualTo(inAYear.plusDays(1).atStartOfDay(zone).toInstant());

		assertThatThrownBy(() -> tokens.create(new NewApiToken("Too long", ApiTokenScope.READ, inAYear.plusDays(1))))
			.isInstanceOfSatisfying(InvalidAccountInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("expiresOn"));
		assertThatThrownBy(
				() -> tokens.create(new NewApiToken("Past", ApiTokenScope.READ, LocalDate.now(zone).minusDays(1))))
			.isInstanceOfSatisfying(InvalidAccountInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("expiresOn"));
		assertThatThrownBy(() -> tokens.create(new NewApiToken(" ", null, null)))
			.isInstanceOfSatisfying(InvalidAccountInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("name", "scope"));
	}

	@Test
	void aTokenWorksUntilRevokedAndItsFirstUseIsRecordedOnce() {
		ApiToken.Created created = tokens.create(new NewApiToken("Dashboard", ApiTokenScope.READ, null));

		assertThat(tokens.authenticate(created.secret())).hasValueSatisfying(holder -> {
			assertThat(holder.username()).isEqualTo(username);
			assertThat(holder.scope()).isEqualTo(ApiTokenScope.READ);
		});
		assertThat(tokens.authenticate(created.secret())).isPresent();
		assertThat(events.stream(UserAccountChanged.class).filter(e -> e.action().equals("API_TOKEN_FIRST_USED")))
			.hasSize(1);
		assertThat(tokens.mine(created.token().id()).orElseThrow().firstUsedAt()).isNotNull();

		tokens.revoke(created.token().id());

		assertThat(tokens.authenticate(created.secret())).isEmpty();
		assertThat(tokens.authenticate(created.secret() + "x")).isEmpty();
		assertThat(tokens.authenticate("not-a-token")).isEmpty();
		assertThat(events.stream(UserAccountChanged.class)).anyMatch(e -> e.action().equals("API_TOKEN_REVOKED"));
	}

	@Test
	void anExpiredTokenNoLongerWorks() {
		ApiToken.Created created = tokens.create(new NewApiToken("Old", ApiTokenScope.READ, null));
		jdbc.sql("update identity_api_token set created_at = now() - interval '2 days', expires_at = now() - interval '1 second' where id = ?")
			.param(created.token().id())
			.update();

		assertThat(tokens.authenticate(created.secret())).isEmpty();
	}

	@Test
	void aTokenCannotMakeOrRevokeTokens() {
		ApiToken.Created created = tokens.create(new NewApiToken("Mine", ApiTokenScope.READ_WRITE, null));
		AccountDetails owner = (AccountDetails) users.loadUserByUsername(username);
		SecurityContextHolder.getContext().setAuthentication(new ApiTokenAuthentication(owner, ApiTokenScope.READ_WRITE));

		assertThatThrownBy(() -> tokens.create(new NewApiToken("More", ApiTokenScope.READ_WRITE, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> tokens.revoke(created.token().id())).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void anotherUsersTokenCannotBeSeenOrRevoked() {
		long theirs = tokens.create(new NewApiToken("Theirs", ApiTokenScope.READ, null)).token().id();
		signedIn();

		assertThat(tokens.mine(theirs)).isEmpty();
		assertThatThrownBy(() -> tokens.revoke(theirs)).isInstanceOf(java.util.NoSuchElementException.class);
	}
}
