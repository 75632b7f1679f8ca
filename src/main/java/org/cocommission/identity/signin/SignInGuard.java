package org.cocommission.identity.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.UserAccountChanged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a username and password (form login and HTTP Basic) with three guards around the password check:
 * <ul>
 * <li>a username with {@value #ACCOUNT_LIMIT} wrong passwords within {@link #WINDOW} is locked for {@link #LOCK},
 * or until a national administrator lifts it; counted for any username, so that the answer never shows which
 * usernames exist;</li>
 * <li>an address with {@value #ADDRESS_LIMIT} wrong passwords within {@link #WINDOW} is refused for the rest of it;</li>
 * <li>a password verified in the last {@link #REMEMBERED} is not verified again (bcrypt on every Basic request made
 * the API 25 times slower than with a session);</li>
 * <li>at most {@link #CHECKS_AT_ONCE} passwords are checked at once, and a check waiting its turn asks the first two
 * guards again: a burst of guesses arriving together would otherwise all pass them before the first failure was
 * counted, and run bcrypt on every core.</li>
 * </ul>
 * A refusal is the same "bad credentials" as a wrong password, and costs no bcrypt, so a flood of wrong passwords
 * does not slow anyone else.
 */
@Component
public class SignInGuard implements AuthenticationProvider {

	static final int ACCOUNT_LIMIT = 10;

	static final int ADDRESS_LIMIT = 50;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK = Duration.ofMinutes(15);

	static final Duration REMEMBERED = Duration.ofSeconds(60);

	/** Half the processors: the other half keeps serving everyone already signed in. */
	static final int CHECKS_AT_ONCE = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

	/** How long a sign-in waits for its turn before it is told to try again. */
	static final Duration TURN = Duration.ofSeconds(10);

	private final DaoAuthenticationProvider passwords;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AccessPolicy access;

	private final ApplicationEventPublisher events;

	private final Semaphore checks = new Semaphore(CHECKS_AT_ONCE, true);

	/** Wrong passwords per address in the current window; per instance, as an address's flood reaches one. */
	private final Cache<String, AtomicInteger> addresses = Caffeine.newBuilder()
		.expireAfterWrite(WINDOW)
		.maximumSize(100_000)
		.build();

	/** Username and a digest of the password last verified, for {@link #REMEMBERED}. */
	private final Cache<String, Authentication> verified = Caffeine.newBuilder()
		.expireAfterWrite(REMEMBERED)
		.maximumSize(10_000)
		.build();

	SignInGuard(UserDetailsService users, PasswordEncoder encoder, JdbcClient jdbc, Clock clock, AccessPolicy access,
			ApplicationEventPublisher events) {
		this.access = access;
		this.events = events;
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(encoder);
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication attempt) throws AuthenticationException {
		String username = String.valueOf(attempt.getName()).toLowerCase(Locale.ROOT);
		String password = String.valueOf(attempt.getCredentials());
		String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
		refuseIfThrottled(username, address);
		String key = username + "\0" + digest(password);
		Authentication remembered = verified.getIfPresent(key);
		if (remembered != null) {
			return remembered;
		}
		awaitTurn();
		try {
			refuseIfThrottled(username, address);
			// A client's first requests often come together: the one ahead may have verified this password already.
			remembered = verified.getIfPresent(key);
			return remembered != null ? remembered : verify(attempt, key, username, address);
		}
		finally {
			checks.release();
		}
	}

	private Authentication verify(Authentication attempt, String key, String username, String address) {
		try {
			Authentication authenticated = passwords.authenticate(attempt);
			verified.put(key, authenticated);
			jdbc.sql("delete from identity_sign_in_failure where username = ? and locked_until is null")
				.param(username)
				.update();
			return authenticated;
		}
		catch (BadCredentialsException ex) {
			failed(username, address);
			throw ex;
		}
	}

	private void refuseIfThrottled(String username, String address) {
		if (isLocked(username) || (address != null && failuresFrom(address) >= ADDRESS_LIMIT)) {
			throw new BadCredentialsException("Bad credentials");
		}
	}

	private void awaitTurn() {
		try {
			if (!checks.tryAcquire(TURN.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AuthenticationServiceException("Too many sign-ins at once: try again in a minute");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AuthenticationServiceException("Sign-in interrupted", ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private boolean isLocked(String username) {
		return jdbc.sql("select exists (select 1 from identity_sign_in_failure where username = ? and locked_until > ?)")
			.params(username, now())
			.query(Boolean.class)
			.single();
	}

	private int failuresFrom(String address) {
		AtomicInteger failures = addresses.getIfPresent(address);
		return failures == null ? 0 : failures.get();
	}

	private void failed(String username, String address) {
		if (address != null) {
			addresses.get(address, any -> new AtomicInteger()).incrementAndGet();
		}
		OffsetDateTime now = now();
		// One statement, so that two instances counting at once do not lose a failure.
		jdbc.sql("""
				insert into identity_sign_in_failure as f (username, failures, window_start) values (:username, 1, :now)
				on conflict (username) do update set
				  failures = case when f.window_start < :windowStart then 1 else f.failures + 1 end,
				  window_start = case when f.window_start < :windowStart then :now else f.window_start end,
				  locked_until = case when f.window_start >= :windowStart and f.failures + 1 >= :limit
				    then :lockedUntil else f.locked_until end""")
			.param("username", username)
			.param("now", now)
			.param("windowStart", now.minus(WINDOW))
			.param("limit", ACCOUNT_LIMIT)
			.param("lockedUntil", now.plus(LOCK))
			.update();
	}

	/** Lifts a lockout, a national administrator's decision, recorded in the audit trail. */
	@Transactional
	public boolean unlock(String username) {
		access.checkNational();
		boolean locked = jdbc.sql("delete from identity_sign_in_failure where username = ?")
			.param(username.toLowerCase(Locale.ROOT))
			.update() > 0;
		if (locked) {
			events.publishEvent(new UserAccountChanged("SIGN_IN_UNLOCKED", username, null,
					new UserAccountChanged.SignInLock(true), new UserAccountChanged.SignInLock(false)));
		}
		return locked;
	}

	/**
	 * Forgets failures whose window and lock have passed: wrong passwords for made-up usernames would otherwise pile
	 * up. Idempotent, so each instance may run it. (Spring Session purges expired session rows every minute.)
	 */
	@Scheduled(fixedDelayString = "${cocommission.sign-in.purge-delay:1h}")
	void purge() {
		jdbc.sql("delete from identity_sign_in_failure where window_start < ? and (locked_until is null or locked_until < ?)")
			.params(now().minus(WINDOW), now())
			.update();
	}

	/** A changed account (a new password, disabled) is verified afresh at once. */
	@EventListener
	void on(UserAccountChanged changed) {
		verified.invalidateAll();
	}

	private OffsetDateTime now() {
		return Instant.now(clock).atOffset(ZoneOffset.UTC);
	}

	private static String digest(String password) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
