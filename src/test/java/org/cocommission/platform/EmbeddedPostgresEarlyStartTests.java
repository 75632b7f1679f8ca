package org.cocommission.platform;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL is started early only where the pool would start it: no external database configured. */
class EmbeddedPostgresEarlyStartTests {

	@Test
	void startsTheServerOfTheDataDirectoryUnlessAnExternalDatabaseIsConfigured() {
		MockEnvironment embedded = new MockEnvironment().withProperty("cocommission.data-dir", "./data");
		assertThat(EmbeddedPostgresEarlyStart.dataDirectory(embedded)).isEqualTo(Path.of("./data"));
		assertThat(EmbeddedPostgresEarlyStart.dataDirectory(embedded.withProperty("spring.datasource.url", " ")))
			.isEqualTo(Path.of("./data"));

		MockEnvironment external = new MockEnvironment().withProperty("cocommission.data-dir", "./data")
			.withProperty("spring.datasource.url", "jdbc:postgresql://db.example/cocommission");
		assertThat(EmbeddedPostgresEarlyStart.dataDirectory(external)).isNull();
		assertThat(EmbeddedPostgresEarlyStart.dataDirectory(new MockEnvironment())).isNull();
	}
}
