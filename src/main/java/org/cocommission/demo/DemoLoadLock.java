package org.cocommission.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One instance at a time loads the demo: two instances started together on one database both found it empty and both
 * loaded it (issue 18). Before the first demo runner, this takes a PostgreSQL session advisory lock on a connection of
 * its own, and {@link Release}, after the last, gives it back; an instance that waited then finds every part loaded
 * and skips it, as every demo runner checks first. A process that dies holding the lock loses its connection, and
 * PostgreSQL releases the lock with it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoLoadLock implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoLoadLock.class);

	/** The advisory lock's key: "cc-demo" in ASCII, apart from the import locks' keys. */
	static final long KEY = 0x63632d64656d6fL;

	private final DataSource dataSource;

	private final boolean enabled;

	private Connection held;

	DemoLoadLock(DataSource dataSource, @Value("${cocommission.demo:false}") boolean enabled) {
		this.dataSource = dataSource;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments arguments) throws SQLException {
		if (!enabled) {
			return;
		}
		Connection connection = dataSource.getConnection();
		try (PreparedStatement trying = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
			trying.setLong(1, KEY);
			var result = trying.executeQuery();
			result.next();
			if (!result.getBoolean(1)) {
				log.info("Another instance is loading the demo data; waiting for it to finish");
				try (PreparedStatement waiting = connection.prepareStatement("select pg_advisory_lock(?)")) {
					waiting.setLong(1, KEY);
					waiting.execute();
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
		held = connection;
	}

	/** Gives the lock back (closing its connection); idempotent. */
	@PreDestroy
	synchronized void release() {
		if (held == null) {
			return;
		}
		try (Connection connection = held) {
			try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
				unlock.setLong(1, KEY);
				unlock.execute();
			}
		}
		catch (SQLException ex) {
			log.warn("Could not release the demo load lock; it goes with its connection", ex);
		}
		finally {
			held = null;
		}
	}

	/** After the last demo runner: the demo is loaded (or was), so another instance may look. */
	@Component
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class Release implements ApplicationRunner {

		private final DemoLoadLock lock;

		Release(DemoLoadLock lock) {
			this.lock = lock;
		}

		@Override
		public void run(ApplicationArguments arguments) {
			if (lock.enabled) {
				lock.release();
				log.info("Demo start finished: this instance may serve the demo");
			}
		}
	}
}
