package org.cocommission.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.InvalidAccountInputException;
import org.cocommission.identity.UserAccountChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machine clients: made and revoked by their owner (on the account page or through the API), each a
 * random 256-bit secret shown once and kept as its SHA-256 digest (a digest, not bcrypt: the secret is random, so it
 * cannot be guessed from its digest, and checking it costs microseconds on every request). A token acts as its owner
 * within its scope until it expires or is revoked; making, first use and revoking are in the audit trail, and the
 * last use is kept on the token. A token cannot make or revoke tokens: that takes the owner's own sign-in.
 */
@Service
public class ApiTokens {

	static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

	/** The latest expiry date is this many days from today. */
	static final int MAXIMUM_DAYS = 365;

	/** A token's last use is written at most this often, so that a busy client does not write on every request. */
	static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

	/** Marks a CoCommission token, so that one found in a log or a repository is recognised for what it is. */
	static final String PREFIX = "cct_";

	private static final List<String> FIELDS = List.of("name", "scope", "expiresOn");

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AccessPolicy policy;

	private final Validator validator;

	private final ApplicationEventPublisher events;

	ApiTokens(JdbcClient jdbc, Clock clock, AccessPolicy policy, Validator validator,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.policy = policy;
		this.validator = validator;
		this.events = events;
	}

	/**
	 * Makes a token for the signed-in user.
	 * @throws InvalidAccountInputException naming each field that is missing or wrong
	 */
	@Transactional
	public ApiToken.Created create(NewApiToken request) {
		CurrentUser owner = signedInInPerson();
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConstraintViolation<NewApiToken> violation : validator.validate(request)) {
			errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		Instant expiresAt = now.plus(DEFAULT_LIFETIME);
		if (request.expiresOn() != null) {
			if (!request.expiresOn().isAfter(today)) {
				errors.putIfAbsent("expiresOn", "The expiry date must be after today");
			}
			else if (request.expiresOn().isAfter(today.plusDays(MAXIMUM_DAYS))) {
				errors.putIfAbsent("expiresOn", "The expiry date must be within a year of today, on or before "
						+ today.plusDays(MAXIMUM_DAYS).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy")));
			}
			// The token works to the end of its last day.
			expiresAt = request.expiresOn().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		}
		if (!errors.isEmpty()) {
			Map<String, String> ordered = new LinkedHashMap<>();
			FIELDS.stream().filter(errors::containsKey).forEach(field -> ordered.put(field, errors.get(field)));
			throw new InvalidAccountInputException(ordered);
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String name = request.name().strip();
		long id = jdbc.sql("""
				insert into identity_api_token (username, name, scope, secret_sha256, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(owner.username(), name, request.scope().name(), digest(secret), utc(now), utc(expiresAt))
			.query(Long.class)
			.single();
		ApiToken token = find(owner.username(), id).orElseThrow();
		events.publishEvent(new UserAccountChanged("API_TOKEN_CREATED", owner.username(), owner.organisationCode(),
				null, new UserAccountChanged.TokenCreated(name, request.scope().label(), expiresAt.toString())));
		return new ApiToken.Created(token, secret);
	}

	/** The signed-in user's tokens, newest first, revoked and expired ones included. */
	public List<ApiToken> mine() {
		return jdbc.sql("""
				select id, name, scope, created_at, expires_at, first_used_at, last_used_at, revoked_at
				from identity_api_token where username = ? order by created_at desc, id desc""")
			.param(policy.requireUser().username())
			.query(ApiToken.class)
			.list();
	}

	/** One of the signed-in user's tokens; another user's is "no such token". */
	public Optional<ApiToken> mine(long id) {
		return find(policy.requireUser().username(), id);
	}

	/**
	 * Revokes one of the signed-in user's tokens at once; revoking one already revoked changes nothing.
	 * @throws NoSuchElementException when the user has no such token
	 */
	@Transactional
	public ApiToken revoke(long id) {
		CurrentUser owner = signedInInPerson();
		ApiToken token = find(owner.username(), id)
			.orElseThrow(() -> new NoSuchElementException("You have no API token " + id));
		if (token.revokedAt() != null) {
			return token;
		}
		jdbc.sql("update identity_api_token set revoked_at = ? where id = ?").params(utc(clock.instant()), id).update();
		events.publishEvent(new UserAccountChanged("API_TOKEN_REVOKED", owner.username(), owner.organisationCode(),
				new UserAccountChanged.TokenRevocation(token.name(), false),
				new UserAccountChanged.TokenRevocation(token.name(), true)));
		return find(owner.username(), id).orElseThrow();
	}

	/** Whose token {@code secret} is and its scope, when it is a live token; records its use. */
	@Transactional
	Optional<Holder> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<Holder> holder = jdbc.sql("""
				select t.id, t.username, t.name, t.scope, t.first_used_at is null as first_use, a.organisation_code
				from identity_api_token t join identity_user_account a on a.username = t.username
				where t.secret_sha256 = ? and t.revoked_at is null and t.expires_at > ?""")
			.params(digest(secret), utc(now))
			.query(Holder.class)
			.optional();
		holder.ifPresent(token -> {
			int recorded = jdbc.sql("""
					update identity_api_token set first_used_at = coalesce(first_used_at, :now), last_used_at = :now
					where id = :id and (last_used_at is null or last_used_at < :since)""")
				.param("now", utc(now))
				.param("id", token.id())
				.param("since", utc(now.minus(USE_RECORDED_EVERY)))
				.update();
			if (recorded > 0 && token.firstUse()) {
				events.publishEvent(new UserAccountChanged("API_TOKEN_FIRST_USED", token.username(),
						token.organisationCode(), null, new UserAccountChanged.Token(token.name())));
			}
		});
		return holder;
	}

	/** The live token behind a request. */
	record Holder(long id, String username, String name, ApiTokenScope scope, boolean firstUse,
			String organisationCode) {
	}

	private Optional<ApiToken> find(String username, long id) {
		return jdbc.sql("""
				select id, name, scope, created_at, expires_at, first_used_at, last_used_at, revoked_at
				from identity_api_token where username = ? and id = ?""")
			.params(username, id)
			.query(ApiToken.class)
			.optional();
	}

	/** The signed-in user, refused when the request came with a token rather than the person's own sign-in. */
	private CurrentUser signedInInPerson() {
		CurrentUser user = policy.requireUser();
		if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication) {
			throw new AccessDeniedException("API tokens are made and revoked by their owner signed in, not by a token");
		}
		return user;
	}

	private static java.time.OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static String digest(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
