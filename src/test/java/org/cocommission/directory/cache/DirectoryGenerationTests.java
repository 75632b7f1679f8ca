package org.cocommission.directory.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

import org.cocommission.directory.DirectoryChanged;
import org.cocommission.directory.NoDatabaseTransactions;

/**
 * The rule every read cache of the directory keeps: a value is kept under the generation current when its work began;
 * the generation moves on when a change to the directory commits, not before and not if it rolls back; a value worked
 * out while a change commits is given to its caller but never shown after the change.
 */
class DirectoryGenerationTests {

	private static final DirectoryChanged CHANGED = new DirectoryChanged("epraccur", 0, 1, 0, List.of());

	private final DirectoryGeneration generation = new DirectoryGeneration();

	private final AtomicInteger workedOut = new AtomicInteger();

	private String workOut(String key) {
		return key + " " + workedOut.incrementAndGet();
	}

	@Test
	void keepsAValueUntilTheDirectoryChangesInEveryCache() {
		DirectoryCache<String, String> names = generation.cache(10);
		DirectoryCache<String, String> pages = generation.rowCache(10, page -> 1);

		assertThat(names.get("A81001", this::workOut)).isEqualTo("A81001 1");
		assertThat(pages.get("P", this::workOut)).isEqualTo("P 2");
		assertThat(names.get("A81001", this::workOut)).isEqualTo("A81001 1");
		assertThat(pages.get("P", this::workOut)).isEqualTo("P 2");

		generation.on(CHANGED);

		assertThat(names.get("A81001", this::workOut)).isEqualTo("A81001 3");
		assertThat(pages.get("P", this::workOut)).isEqualTo("P 4");
	}

	@Test
	void aValueWorkedOutWhileAChangeCommitsIsGivenToItsCallerButNotKept() {
		DirectoryCache<String, String> names = generation.cache(10);
		long before = generation.current();

		String read = names.get("A81001", key -> {
			generation.on(CHANGED);
			return workOut(key);
		});

		assertThat(read).isEqualTo("A81001 1");
		assertThat(generation.current()).isEqualTo(before + 1);
		assertThat(names.get("A81001", this::workOut)).isEqualTo("A81001 2");
		assertThat(names.get("A81001", this::workOut)).isEqualTo("A81001 2");
	}

	@Test
	void movesOnWhenTheChangeCommitsNotBeforeAndNotIfItRollsBack() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Listening.class)) {
			DirectoryGeneration listening = context.getBean(DirectoryGeneration.class);
			TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

			transactions.executeWithoutResult(status -> {
				context.publishEvent(CHANGED);
				assertThat(listening.current()).as("before the commit").isZero();
				status.setRollbackOnly();
			});
			assertThat(listening.current()).as("rolled back").isZero();

			transactions.executeWithoutResult(status -> context.publishEvent(CHANGED));
			assertThat(listening.current()).as("committed").isEqualTo(1);

			context.publishEvent(CHANGED);
			assertThat(listening.current()).as("outside a transaction").isEqualTo(2);
		}
	}

	@Test
	void movingOnByHandForgetsEveryCache() {
		DirectoryCache<String, String> names = generation.cache(10);
		names.get("A81001", this::workOut);

		generation.moveOn();

		assertThat(names.get("A81001", this::workOut)).isEqualTo("A81001 2");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class Listening {

		@Bean
		DirectoryGeneration generation() {
			return new DirectoryGeneration();
		}

		@Bean
		PlatformTransactionManager transactionManager() {
			return new NoDatabaseTransactions();
		}
	}
}
