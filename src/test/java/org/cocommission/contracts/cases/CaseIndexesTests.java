package org.cocommission.contracts.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A practice's cases, as its contract page asks for them, are found by index, however many cases there are. */
@SpringBootTest
class CaseIndexesTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void aPracticesCasesAsEitherPracticeAreFoundByIndex() {
		String plan = new TransactionTemplate(transactionManager).execute(status -> {
			jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n", jdbc.sql("explain select id from contracts_case"
					+ " where practice_code = 'A81001' or other_practice_code = 'A81001'").query(String.class).list());
		});

		assertThat(plan).contains("contracts_case_practice")
			.contains("contracts_case_other_practice")
			.doesNotContain("Seq Scan");
	}
}
