package org.cocommission.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.cocommission.directory.PopulationQueries;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finance module with the modules it uses, on the embedded PostgreSQL: publishing a run publishes the indicative
 * budgets as an event, and each CCG's users are told, with the publication audited, in the same transaction.
 */
// The platform module (the embedded PostgreSQL) is open: named, as no type of it is a bean others use.
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@RecordApplicationEvents
class FinanceModuleTests {

	private static final String PASSWORD = "finance-module-password";

	@Autowired
	AllocationRuns runs;

	@Autowired
	FinanceFormulas formulas;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void publishingARunPublishesItsIndicativeBudgetsAndTellsEachCcg(ApplicationEvents events) {
		List<String> ccgs = FinanceTestData.area(jdbc, "FMA", "FMC", 3, LocalDate.of(2014, 1, 1));
		accounts.create(new NewUser("fin-module-national", "Finance lead", null, Role.NATIONAL, "X24", PASSWORD));
		accounts.create(new NewUser("fin-module-ccg", "CCG finance", null, Role.CCG, "FMC1", PASSWORD));

		RunView published = ActingAs.as(users, "fin-module-national", () -> {
			Map<String, BigDecimal> weights = new LinkedHashMap<>();
			PopulationQueries.AGE_BANDS.forEach(band -> weights.put(band, BigDecimal.ONE));
			FormulaView formula = formulas.createDraft(new FormulaDraft("Module formula", new FinancialYear(2014),
					new BigDecimal("0.10"), new BigDecimal("0.15"), new CostCurve(weights, weights), Map.of()));
			formulas.publish(formula.id(), formula.version());
			runs.importBaseline(new FinancialYear(2013), Programme.CORE_CCG,
					ccgs.stream().map(ccg -> new AllocationRuns.BaselineRow(ccg, Money.ofPounds(1_000_000))).toList());
			RunView run = runs.create(new RunRequest("Module run", new FinancialYear(2014), Programme.CORE_CCG,
					formula.id(), null, Money.ofPounds(3_090_000), Money.ZERO, new PaceOfChange(new BigDecimal("0.02"),
							new BigDecimal("0.06"), new BigDecimal("0.5"), new BigDecimal("0.02"))));
			return runs.publish(run.id());
		});

		assertThat(events.stream(IndicativeBudgetsPublished.class))
			.containsExactly(new IndicativeBudgetsPublished(published.id(), new FinancialYear(2014), Programme.CORE_CCG));
		assertThat(jdbc.sql("select link from notification_notice where recipient = 'fin-module-ccg'")
			.query(String.class)
			.list()).containsExactly("/finance/budgets/FMC1?year=2014-15");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'FINANCE_BUDGETS_PUBLISHED'"
				+ " and entity_id = ?").param(String.valueOf(published.id())).query(Long.class).single()).isEqualTo(1);
		// What the audit trail keeps of the publication, field by field (BudgetNotices.Published).
		assertThat(jdbc.sql("select string_agg(k || '=' || (after_state ->> k), ',' order by k)"
				+ " from audit_event, jsonb_object_keys(after_state) k where action = 'FINANCE_BUDGETS_PUBLISHED'"
				+ " and entity_id = ?").param(String.valueOf(published.id())).query(String.class).single())
			.matches("envelope=" + published.envelope() + ",peopleTold=[1-9][0-9]*,programme=CORE_CCG,published=true,year="
					+ new FinancialYear(2014));
	}
}
