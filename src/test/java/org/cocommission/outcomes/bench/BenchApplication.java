package org.cocommission.outcomes.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.cocommission.CoCommissionApplication;
import org.cocommission.platform.EmbeddedPostgresServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application with its synthetic demo, on an embedded PostgreSQL of its own in a temporary folder, on a free port
 * and logging errors only: what the load benches measure against. Closing it stops both.
 */
public final class BenchApplication implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private final ConfigurableApplicationContext context;

	private BenchApplication(EmbeddedPostgres postgres, ConfigurableApplicationContext context) {
		this.postgres = postgres;
		this.context = context;
	}

	/** Starts it with the demo at the scale, its accounts opened with the password; extra sources join the context. */
	public static BenchApplication startWithDemo(Path temporary, double scale, String demoPassword,
			Class<?>... extraSources) throws IOException {
		LoggingSystem logging = LoggingSystem.get(BenchApplication.class.getClassLoader());
		logging.beforeInitialize();
		logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.ERROR);
		EmbeddedPostgres postgres = EmbeddedPostgresServer.configured(temporary.resolve("postgres"))
			.setCleanDataDirectory(true)
			.start();
		try {
			String url = EmbeddedPostgresServer.jdbcUrl(postgres, "cocommission");
			Class<?>[] sources = Stream.concat(Stream.of(CoCommissionApplication.class), Stream.of(extraSources))
				.toArray(Class<?>[]::new);
			ConfigurableApplicationContext context = new SpringApplicationBuilder(sources).logStartupInfo(false)
				.run("--spring.config.location=classpath:/application.properties", "--spring.datasource.url=" + url,
						"--spring.datasource.username=postgres", "--cocommission.data-dir=" + temporary,
						"--cocommission.demo=true", "--cocommission.demo-scale=" + scale,
						"--cocommission.demo-password=" + demoPassword, "--cocommission.admin-password=",
						"--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=ERROR");
			return new BenchApplication(postgres, context);
		}
		catch (RuntimeException ex) {
			postgres.close();
			throw ex;
		}
	}

	public int port() {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() throws IOException {
		try {
			context.close();
		}
		finally {
			postgres.close();
		}
	}
}
