package org.cocommission.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.directory.ImportRecord;

class DemoStartDecisionTests {

	@Test
	void startsWithTheDemoOnceItIsMarkedSynthetic() {
		assertThat(DemoDataLoader.decide(true, false, List.of())).isEqualTo(DemoDataLoader.Start.ALREADY_LOADED);
	}

	@Test
	void loadsIntoAnEmptyDirectory() {
		assertThat(DemoDataLoader.decide(false, true, List.of())).isEqualTo(DemoDataLoader.Start.LOAD);
	}

	@Test
	void resumesWhenEveryImportWasADemoFileImportedAtStartUp() {
		List<ImportRecord> imports = List.of(imported("demo-regions.csv", "system"),
				imported("demo-area-teams.csv", "system"));

		assertThat(DemoDataLoader.decide(false, false, imports)).isEqualTo(DemoDataLoader.Start.RESUME);
	}

	@Test
	void leavesADirectoryWithSomeoneElsesImportsAlone() {
		assertThat(DemoDataLoader.decide(false, false, List.of(imported("demo-regions.csv", "system"),
				imported("epraccur.csv", "national"))))
			.isEqualTo(DemoDataLoader.Start.OTHER_DATA);
		assertThat(DemoDataLoader.decide(false, false, List.of(imported("epraccur.csv", "system"))))
			.isEqualTo(DemoDataLoader.Start.OTHER_DATA);
		assertThat(DemoDataLoader.decide(false, false, List.of())).isEqualTo(DemoDataLoader.Start.OTHER_DATA);
	}

	private static ImportRecord imported(String fileName, String by) {
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		return new ImportRecord(1, "ods", fileName, by, now, now, "COMMITTED", 4, 4, 0, 0, 0, 0);
	}
}
