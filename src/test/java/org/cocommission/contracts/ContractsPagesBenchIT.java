package org.cocommission.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payments bench runs end to end at a small scale (300 practices x 2 years, 4 signed-in clients, seconds of load
 * over HTTP): every page and API read it measures answers 200 and is reported with its requests and its p95 over the
 * baseline's, and the report is written. Its figures are the bench script's to report, not this test's.
 */
class ContractsPagesBenchIT {

	private static final Pattern MEASURED = Pattern.compile("^\\s+(.+?)\\s+(\\d+)\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+\\s+"
			+ "([\\d.]+)\\s+(met|missed)$");

	@TempDir
	Path output;

	@Test
	void runsAndReportsEveryPageAndApiRead() throws Exception {
		Path report = output.resolve("bench-contracts-payments.txt");
		Map<String, String> quick = Map.of("bench.contracts.clients", "4", "bench.contracts.warmup-seconds", "2",
				"bench.contracts.load-seconds", "3", "bench.contracts.service-seconds", "2",
				"bench.contracts.import-warmups", "2");
		quick.forEach(System::setProperty);
		try {
			PaymentsImportBenchmark.main(new String[] { report.toString(), "300", "2" });
		}
		finally {
			quick.keySet().forEach(System::clearProperty);
		}

		List<String> lines = Files.readAllLines(report);
		assertThat(lines).anyMatch(line -> line.startsWith("JIT warm-up: 2 imports"))
			.anyMatch(line -> line.startsWith("2014/15, first import: COPY"))
			.anyMatch(line -> line.startsWith("2014/15, re-import 3: COPY"))
			.anyMatch(line -> line.contains("failed requests: 0"))
			.anyMatch(line -> line.contains("load average"));
		for (ContractsPagesOverHttp.Page page : ContractsPagesOverHttp.Page.values()) {
			String line = lines.stream()
				.filter(each -> each.trim().startsWith(page.label))
				.findFirst()
				.orElseThrow(() -> new AssertionError("Not reported: " + page.label));
			Matcher measured = MEASURED.matcher(line);
			assertThat(measured.matches()).as(line).isTrue();
			assertThat(Integer.parseInt(measured.group(2))).as("requests measured for " + page.label).isPositive();
			if (page == ContractsPagesOverHttp.Page.BASELINE) {
				assertThat(measured.group(3)).isEqualTo("1.00");
			}
		}
	}

	@Test
	void warmsUpAsLongAsTheDirectoryBenchByDefault() {
		assertThat(ContractsPagesOverHttp.Options.fromSystemProperties().warmup()).hasSeconds(120);
		assertThat(ContractsPagesOverHttp.Options.fromSystemProperties().clients()).isEqualTo(20);
	}
}
