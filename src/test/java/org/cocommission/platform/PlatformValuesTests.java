package org.cocommission.platform;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformValuesTests {

	@Test
	void moneyKeepsPenniesAndRoundsHalfUp() {
		assertThat(Money.ofPounds("1,130,000").pence()).isEqualTo(113_000_000L);
		assertThat(Money.ofPounds("0.125").pounds()).isEqualByComparingTo("0.13");
		assertThat(Money.ofPounds(1_130_000).times(new BigDecimal("0.375"), RoundingMode.HALF_UP))
			.isEqualTo(Money.ofPounds(423_750));
		assertThat(Money.ofPounds("219307000").thousands()).isEqualByComparingTo("219307");
		assertThatThrownBy(() -> Money.ofPounds("lots")).hasMessageContaining("not an amount of money");
	}

	@Test
	void financialYearsRunFromAprilToMarch() {
		FinancialYear year = FinancialYear.parse("2013/14");
		assertThat(year.firstDay()).isEqualTo(LocalDate.of(2013, 4, 1));
		assertThat(year.lastDay()).isEqualTo(LocalDate.of(2014, 3, 31));
		assertThat(FinancialYear.containing(LocalDate.of(2014, 3, 31))).isEqualTo(year);
		assertThat(FinancialYear.containing(LocalDate.of(2014, 4, 1))).isEqualTo(year.next());
		assertThat(year.toString()).isEqualTo("2013/14");
		assertThat(FinancialYear.parse("1999-2000")).isEqualTo(new FinancialYear(1999));
		assertThatThrownBy(() -> FinancialYear.parse("2013/15")).hasMessageContaining("must follow each other");
	}

	@Test
	void exportsWriteNumbersAsNumbersAndDisarmFormulas() throws Exception {
		Table table = new Table("Allocations", List.of("code", "name", "allocation"),
				List.of(List.of("01C", "=HYPERLINK(\"x\")", Money.ofPounds("219307000"))));

		assertThat(Exports.csv(table)).isEqualTo("code,name,allocation\r\n01C,\"'=HYPERLINK(\"\"x\"\")\",219307000.00\r\n");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(Exports.xlsx(table)))) {
			var row = workbook.getSheet("Allocations").getRow(1);
			assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(219_307_000d);
			assertThat(row.getCell(1).getStringCellValue()).startsWith("'=");
		}
		assertThat(new String(Exports.pdf("<html><body><p>Statement</p></body></html>"), 0, 5)).isEqualTo("%PDF-");
	}

	@Test
	void aPageOfAListInMemoryIsClampedToThePagesThereAre() {
		List<Integer> all = List.of(1, 2, 3, 4, 5);

		assertThat(PageOf.of(all, 1, 2)).isEqualTo(new PageOf<>(List.of(3, 4), 1, 2, 5));
		assertThat(PageOf.of(all, 9, 2)).isEqualTo(new PageOf<>(List.of(5), 2, 2, 5));
		assertThat(PageOf.of(all, -1, 2).items()).containsExactly(1, 2);
		assertThat(PageOf.of(List.<Integer>of(), 3, 2)).isEqualTo(new PageOf<Integer>(List.of(), 0, 2, 0));
		assertThat(PageOf.of(all, 2, 2).hasNext()).isFalse();
		assertThatThrownBy(() -> new PageOf<Integer>(all, 0, 0, 5)).isInstanceOf(IllegalArgumentException.class);
	}
}
