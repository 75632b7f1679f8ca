package org.cocommission.directory.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory pages bench runs end to end at a small scale (a 5% demo, 4 clients, seconds of load): every page
 * answers 200 under concurrent clients, no page writes a session (which would make the clients carry a cookie that
 * every page then reads), and the report is written with every page in it. Its figures are the bench script's to
 * report, not this test's.
 */
class DirectoryPagesBenchIT {

	@TempDir
	Path output;

	@Test
	void runsAndReportsEveryPage() throws Exception {
		int exit = DirectoryPagesBenchmark.run("--scale", "0.05", "--clients", "4", "--warmup-seconds", "2",
				"--load-seconds", "3", "--output", output.toString());

		assertThat(exit).isZero();
		String json = Files.readString(output.resolve("directory-pages.json"));
		assertThat(json).contains("\"failures\":0").contains("\"sessionsWritten\":0").contains("\"home\"").contains("\"organisations\"")
			.contains("\"organisation\"").contains("\"search\"").contains("\"api_organisations\"")
			.contains("\"api_organisation\"").contains("\"api_search\"").contains("\"api_coverage\"")
			.contains("\"baseline\"");
		assertThat(Files.readString(output.resolve("directory-pages.txt"))).contains("p95/base");
	}

	@Test
	void warmsUpAsLongAsTheOutcomesBenchByDefault() {
		assertThat(DirectoryPagesBenchmark.Options.parse().warmup()).hasSeconds(120);
	}
}
