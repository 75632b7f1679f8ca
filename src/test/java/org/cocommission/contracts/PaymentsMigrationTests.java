package org.cocommission.contracts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database with payments stored before V60_4 (a row per practice and year, the payment lines in an array) keeps
 * them: the migration moves each year into a table of its own, read through the view as an import's would be.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ContractsFixture.class)
class PaymentsMigrationTests {

	private static final String SCHEMA = "contracts_migration_check";

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	private Flyway flyway(String target) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.defaultSchema(SCHEMA)
			.locations("classpath:db/migration/contracts")
			.target(target)
			.load();
	}

	@Test
	void movesTheStoredRowsToATableAYearReadThroughTheView() {
		jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
		flyway("60.3").migrate();
		jdbc.sql("insert into " + SCHEMA + ".contracts_payment_import (id, year_start, file_name, imported_by, outcome,"
				+ " rows_read, stored, warnings, errors) values (7, 2014, 'old.csv', 'someone', 'COMMITTED', 2, 2, 0, 0)")
			.update();
		jdbc.sql("insert into " + SCHEMA + ".contracts_payment_year (year_start, line_names) values (2014,"
				+ " array['Global Sum', 'Total NHS Payments to General Practice'])").update();
		jdbc.sql("insert into " + SCHEMA + ".contracts_payment (year_start, practice_code, practice_name, region_code,"
				+ " region_name, ccg_code, ccg_name, pcn_code, pcn_name, contract_type, dispensing, registered_patients,"
				+ " weighted_patients, total_payments, import_id, amounts) values"
				+ " (2014, 'N81632', 'BROKEN CROSS', 'Q44', 'CHESHIRE', '01C', 'EASTERN CHESHIRE', null, null, 'PMS', true,"
				+ "  5707, 5113.5, 635996, 7, array[397594, 635996]),"
				+ " (2014, 'N81021', 'OTHER', 'Q44', 'CHESHIRE', '01C', 'EASTERN CHESHIRE', null, null, 'GMS', false,"
				+ "  4597, 4400, 500000.25, 7, array[0, 500000.25])")
			.update();
		List<Map<String, Object>> before = rows();

		flyway("60.4").migrate();

		assertThat(rows()).isEqualTo(before);
		assertThat(jdbc.sql("select registered_patients, amounts[1] as global_sum from " + SCHEMA
				+ ".contracts_payment where practice_code = 'N81632'").query().singleRow())
			.satisfies(row -> {
				assertThat((BigDecimal) row.get("registered_patients")).isEqualByComparingTo("5707");
				assertThat((BigDecimal) row.get("global_sum")).isEqualByComparingTo("397594");
			});
		assertThat(jdbc.sql("select table_name, practices from " + SCHEMA + ".contracts_payment_year").query().singleRow())
			.containsEntry("table_name", "contracts_payment_rows_7")
			.containsEntry("practices", 2);
		assertThat(jdbc.sql("select register_fed_at is not null from " + SCHEMA + ".contracts_payment_import")
			.query(Boolean.class)
			.single()).isTrue();
		jdbc.sql("drop schema " + SCHEMA + " cascade").update();
	}

	private List<Map<String, Object>> rows() {
		return jdbc.sql("select year_start, practice_code, practice_name, region_code, region_name, ccg_code, ccg_name,"
				+ " pcn_code, pcn_name, contract_type, dispensing, registered_patients, weighted_patients, total_payments,"
				+ " import_id, cast(amounts as text) as amounts from " + SCHEMA + ".contracts_payment order by practice_code")
			.query()
			.listOfRows();
	}
}
