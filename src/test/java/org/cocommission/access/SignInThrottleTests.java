package org.cocommission.access;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import static org.cocommission.directory.OdsTestFiles.importOds;
import static org.cocommission.directory.OdsTestFiles.organisation;

/**
 * Wrong passwords lock a username (whether or not it exists, so that nothing tells them apart) and flood-limit an
 * address, without stopping anyone else; a national administrator lifts a lockout; a verified Basic password is
 * remembered briefly instead of running bcrypt on every request.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInThrottleTests {

	private static final String PASSWORD = "throttle-password-1";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	void users(@Autowired UserAccounts accounts, @Autowired DirectoryImports imports) {
		importOds(imports, OdsFile.REGIONS, organisation("Y71", "EAST", "", ""));
		importOds(imports, OdsFile.AREA_TEAMS, organisation("Q71", "ESSEX", "Y71", ""));
		importOds(imports, OdsFile.ECCG, organisation("71A", "NHS THROTTLE CCG", "Y71", "Q71"));
		for (String username : new String[] { "throttled", "bystander", "remembered", "throttle-admin", "burst" }) {
			accounts.create(new NewUser(username, "Throttle " + username, null,
					username.equals("throttle-admin") ? Role.NATIONAL : Role.CCG, username.equals("throttle-admin")
							? "X24" : "71A", PASSWORD));
		}
	}

	private int me(String username, String password, String address) throws Exception {
		return mvc.perform(get("/api/v1/me").with(httpBasic(username, password)).with(from(address)))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void tenWrongPasswordsLockAUsernameAsIfItDidNotExistAndAnAdministratorLiftsIt() throws Exception {
		for (int i = 0; i < 10; i++) {
			assertThat(me("throttled", "wrong " + i, "10.1.0." + i)).isEqualTo(401);
			assertThat(me("nobody-by-this-name", "wrong " + i, "10.1.0." + i)).isEqualTo(401);
		}
		String locked = mvc.perform(get("/api/v1/me").with(httpBasic("throttled", PASSWORD)).with(from("10.1.1.1")))
			.andReturn().getResponse().getContentAsString();
		String unknown = mvc.perform(get("/api/v1/me").with(httpBasic("nobody-by-this-name", PASSWORD))
			.with(from("10.1.1.1"))).andReturn().getResponse().getContentAsString();
		assertThat(me("throttled", PASSWORD, "10.1.1.1")).as("the right password, while locked").isEqualTo(401);
		assertThat(locked).isEqualTo(unknown);
		assertThat(me("bystander", PASSWORD, "10.1.1.1")).as("anyone else").isEqualTo(200);

		assertThat(mvc.perform(post("/api/v1/users/throttled/unlock").with(httpBasic("bystander", PASSWORD)))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/api/v1/users/throttled/unlock").with(httpBasic("throttle-admin", PASSWORD)))
			.andReturn().getResponse().getContentAsString()).contains("\"wasLocked\":true");
		assertThat(me("throttled", PASSWORD, "10.1.1.1")).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'SIGN_IN_UNLOCKED'").query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aFloodOfWrongPasswordsFromOneAddressIsRefusedThereOnly() throws Exception {
		for (int i = 0; i < 50; i++) {
			assertThat(me("flood-" + i, "wrong", "10.2.0.1")).isEqualTo(401);
		}
		assertThat(me("bystander", PASSWORD, "10.2.0.1")).as("from the flooding address").isEqualTo(401);
		assertThat(me("bystander", PASSWORD, "10.2.0.2")).as("from anywhere else").isEqualTo(200);
	}

	@Test
	void aVerifiedBasicPasswordIsRememberedBriefly() throws Exception {
		assertThat(me("remembered", PASSWORD, "10.3.0.1")).isEqualTo(200);
		// The stored hash no longer matches any password: only a remembered verification can still succeed.
		jdbc.sql("update identity_user_account set password_hash = '{noop}changed-behind-its-back' where username = ?")
			.param("remembered")
			.update();
		assertThat(me("remembered", PASSWORD, "10.3.0.1")).isEqualTo(200);
		assertThat(me("remembered", "another password", "10.3.0.1")).isEqualTo(401);
	}

	/**
	 * Forty guesses arriving together, each from its own address: before, all forty passed the lock check before the
	 * first failure was counted, and forty bcrypt checks ran at once on every core. Now the checks take turns, and a
	 * guess that waited asks the lock again, so the account stops costing bcrypt at its limit.
	 */
	@Test
	void aBurstOfGuessesAtOnceStopsCostingPasswordChecksAtTheAccountsLimit() throws Exception {
		int guesses = 40;
		ExecutorService pool = Executors.newFixedThreadPool(guesses);
		try {
			CountDownLatch together = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < guesses; i++) {
				String address = "10.4.0." + i;
				String password = "wrong " + i;
				answers.add(pool.submit(() -> {
					together.await();
					return me("burst", password, address);
				}));
			}
			together.countDown();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(401);
			}
		}
		finally {
			pool.shutdownNow();
		}
		int checked = jdbc.sql("select failures from identity_sign_in_failure where username = 'burst'")
			.query(Integer.class)
			.single();
		assertThat(checked).as("passwords checked by bcrypt").isBetween(10, 10 + Runtime.getRuntime().availableProcessors());
		assertThat(me("bystander", PASSWORD, "10.4.1.1")).as("anyone else").isEqualTo(200);
	}
}
