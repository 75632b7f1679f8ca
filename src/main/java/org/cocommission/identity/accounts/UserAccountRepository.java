package org.cocommission.identity.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cocommission.identity.Role;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserAccountRepository {

	private static final String COLUMNS = "id, username, password_hash, display_name, email, role, organisation_code, enabled, demo, created_at, version";

	/** Optional filters; the casts let PostgreSQL type a null parameter. */
	private static final String FILTER = " where (cast(:org as varchar) is null or organisation_code = cast(:org as varchar))"
			+ " and (cast(:search as varchar) is null or username like cast(:search as varchar)"
			+ " or lower(display_name) like cast(:search as varchar))";

	private final JdbcClient jdbc;

	UserAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql("select " + COLUMNS + " from identity_user_account where username = lower(?)")
			.param(username)
			.query(UserAccount.class)
			.optional();
	}

	public boolean existsByUsername(String username) {
		return jdbc.sql("select count(*) from identity_user_account where username = lower(?)").param(username)
			.query(Long.class).single() > 0;
	}

	public long count() {
		return jdbc.sql("select count(*) from identity_user_account").query(Long.class).single();
	}

	public List<UserAccount> findAll(String organisationCode, String search, int limit, int offset) {
		return jdbc.sql("select " + COLUMNS + " from identity_user_account"
				+ FILTER
				+ " order by username limit :limit offset :offset")
			.param("org", organisationCode)
			.param("search", containing(search))
			.param("limit", limit)
			.param("offset", offset)
			.query(UserAccount.class)
			.list();
	}

	public long countAll(String organisationCode, String search) {
		return jdbc.sql("select count(*) from identity_user_account"
				+ FILTER)
			.param("org", organisationCode)
			.param("search", containing(search))
			.query(Long.class)
			.single();
	}

	public void insert(String username, String passwordHash, String displayName, String email, Role role,
			String organisationCode, boolean demo) {
		jdbc.sql("insert into identity_user_account (username, password_hash, display_name, email, role, organisation_code, demo)"
				+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(username, passwordHash, displayName, email, role.name(), organisationCode, demo)
			.update();
	}

	public void update(UserAccount account, String passwordHash, boolean enabled) {
		int updated = jdbc.sql("update identity_user_account set password_hash = ?, enabled = ?, version = version + 1"
				+ " where id = ? and version = ?")
			.params(passwordHash, enabled, account.id(), account.version())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("Account " + account.username() + " was changed by someone else");
		}
	}

	/** A LIKE pattern matching text that contains {@code search}, its own wildcards taken literally. */
	private static String containing(String search) {
		if (search == null) {
			return null;
		}
		String literal = search.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + literal + "%";
	}
}
