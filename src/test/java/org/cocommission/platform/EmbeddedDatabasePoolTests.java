package org.cocommission.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's pool takes its settings from {@code spring.datasource.hikari.*}, as Boot's own pool would:
 * the test configuration's small pools are what keep dozens of cached test contexts within the server's connections.
 */
@SpringBootTest
class EmbeddedDatabasePoolTests {

	private final DataSource dataSource;

	@Autowired
	EmbeddedDatabasePoolTests(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Test
	void thePoolIsSizedByTheHikariProperties() {
		HikariDataSource pool = (HikariDataSource) dataSource;
		assertThat(pool.getMaximumPoolSize()).isEqualTo(5);
		assertThat(pool.getMinimumIdle()).isZero();
		assertThat(pool.getIdleTimeout()).isEqualTo(10_000);
	}
}
