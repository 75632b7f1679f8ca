package org.cocommission.directory;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.directory.DirectoryTestData.odsRow;
import static org.cocommission.directory.DirectoryTestData.stream;

/**
 * Coverage on any date since 2013 from files shaped like ODS's: 211 CCGs on 1 April 2013, forty of which merged in
 * pairs on 1 April 2018 (191 on 1 April 2019), two practices each, with a practice that closed and one that opened.
 */
@SpringBootTest
class HistoricalCoverageTests {

	private final DirectoryImports imports;

	private final Directory directory;

	private final JdbcClient jdbc;

	@Autowired
	HistoricalCoverageTests(DirectoryImports imports, Directory directory, JdbcClient jdbc) {
		this.imports = imports;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void englandFrom2013() {
		DirectoryTestData.emptyDirectory(jdbc);
		StringBuilder eccg = new StringBuilder();
		StringBuilder epraccur = new StringBuilder();
		StringBuilder epcmem = new StringBuilder();
		StringBuilder succ = new StringBuilder();
		for (int number = 1; number <= 211; number++) {
			String ccg = "%03d".formatted(number);
			boolean merges = number <= 40;
			String merged = "N%02d".formatted((number + 1) / 2);
			eccg.append(odsRow(ccg, "NHS CCG " + ccg, "Y63", "", "", "", "", "", "", "", "20130401",
					merges ? "20180331" : ""));
			if (merges) {
				succ.append("\"%s\",\"%s\",\"\",\"20180401\",\"0\"\r\n".formatted(ccg, merged));
			}
			for (int practice = 1; practice <= 2; practice++) {
				String code = "P%03d%02d".formatted(number, practice);
				boolean closes = number == 100 && practice == 2;
				String now = merges ? merged : ccg;
				epraccur.append(DirectoryTestData.practice(code, "SURGERY " + code, now, merges ? "20180401" : "20130401",
						closes ? "20140630" : "", closes ? "C" : "A", closes ? "20140630" : "", "4"));
				epcmem.append("\"%s\",\"5E1\",\"W\",\"20010401\",\"20130331\",\"0\"\r\n".formatted(code));
				epcmem.append("\"%s\",\"%s\",\"W\",\"20130401\",\"%s\",\"0\"\r\n".formatted(code, ccg,
						merges ? "20180331" : closes ? "20140630" : ""));
				if (merges) {
					epcmem.append("\"%s\",\"%s\",\"W\",\"20180401\",\"\",\"0\"\r\n".formatted(code, merged));
				}
			}
		}
		for (int number = 1; number <= 20; number++) {
			eccg.append(odsRow("N%02d".formatted(number), "NHS MERGED CCG " + number, "Y63", "", "", "", "", "", "", "",
					"20180401"));
		}
		epraccur.append(DirectoryTestData.practice("P99901", "NEW SURGERY", "150", "20160101", "", "A", "", "4")
			.replace("\"19740401\"", "\"20160101\""));
		epcmem.append("\"P99901\",\"150\",\"W\",\"20160101\",\"\",\"0\"\r\n");
		// Not a GP practice: out of hours services are never counted.
		epraccur.append(DirectoryTestData.practice("Y00001", "OUT OF HOURS", "150", "20130401", "", "A", "", "8"));
		// Loaded in the "wrong" order on purpose: memberships and successors first.
		imports.importFile("epcmem", "epcmem.csv", stream(epcmem.toString()));
		imports.importFile("succ", "succ.csv", stream(succ.toString()));
		imports.importFile("epraccur", "epraccur.csv", stream(epraccur.toString()));
		imports.importFile("eccg", "eccg.csv", stream(eccg.toString()));
	}

	@Test
	void theWholeCountryIsCoveredBy211CcgsOn1April2013() {
		Coverage coverage = directory.coverage(LocalDate.of(2013, 4, 1));

		assertThat(coverage.ccgs()).isEqualTo(211);
		assertThat(coverage.practicesOpen()).isEqualTo(422);
		assertThat(coverage.practicesCovered()).isEqualTo(422);
		assertThat(coverage.practicesCoveredPercent()).isEqualByComparingTo(new BigDecimal("100"));
		assertThat(coverage.complete()).isTrue();
	}

	@Test
	void andBy191CcgsOn1April2019AfterTheMergers() {
		Coverage coverage = directory.coverage(LocalDate.of(2019, 4, 1));

		assertThat(coverage.ccgs()).isEqualTo(191);
		assertThat(coverage.practicesOpen()).as("one closed in 2014, one opened in 2016").isEqualTo(422);
		assertThat(coverage.practicesCoveredPercent()).isEqualByComparingTo(new BigDecimal("100"));
		assertThat(coverage.complete()).isTrue();
		assertThat(directory.coverage(LocalDate.of(2018, 3, 31)).ccgs()).isEqualTo(211);
		assertThat(directory.successorOn("001", LocalDate.of(2019, 4, 1))).isEqualTo("N01");
		assertThat(directory.commissionerOn("P00101", LocalDate.of(2017, 1, 1))).contains("001");
		assertThat(directory.commissionersOn(LocalDate.of(2019, 4, 1))).containsEntry("P00101", "N01")
			.containsEntry("P10002", "100");
	}
}
