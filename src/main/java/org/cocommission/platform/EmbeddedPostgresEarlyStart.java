package org.cocommission.platform;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the environment is known, so that it starts while
 * the application context is being built instead of when the pool first asks for it: {@code pg_ctl} and the server's
 * recovery wait on another process, not on this one's CPU. The pool's {@link EmbeddedPostgresServer#lease} then finds
 * the server started, or waits for it. Registered by {@code main} only; with {@code spring.datasource.url} set there
 * is no embedded server, and a failure here is left for the lease to meet and report.
 */
public final class EmbeddedPostgresEarlyStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresEarlyStart.class);

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Path dataDirectory = dataDirectory(event.getEnvironment());
		if (dataDirectory == null) {
			return;
		}
		Thread starter = new Thread(() -> {
			try {
				EmbeddedPostgresServer.startedIn(dataDirectory);
			}
			catch (RuntimeException ex) {
				log.debug("The embedded PostgreSQL did not start early; the pool will start it", ex);
			}
		}, "embedded-postgres-start");
		starter.setDaemon(true);
		starter.start();
	}

	/** The embedded server's data directory, or null when the application uses an external database. */
	static Path dataDirectory(ConfigurableEnvironment environment) {
		String directory = environment.getProperty("cocommission.data-dir");
		return EmbeddedDatabaseConfiguration.embedded(environment) && directory != null && !directory.isBlank()
				? Path.of(directory) : null;
	}
}
