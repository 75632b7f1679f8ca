package org.cocommission.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.cocommission.directory.Directory;
import org.cocommission.directory.DirectoryImports;

/** A demo load that goes wrong: a start-up killed half-way, a file the importer rejects. */
@SpringBootTest(properties = { "cocommission.demo-scale=0.02", "cocommission.demo-password=demo-password-for-tests" })
class DemoDataLoaderRecoveryTests {

	private final DemoDataLoader loader;

	private final DirectoryImports imports;

	private final Directory directory;

	@Autowired
	DemoDataLoaderRecoveryTests(DemoDataLoader loader, DirectoryImports imports, Directory directory) {
		this.loader = loader;
		this.imports = imports;
		this.directory = directory;
	}

	@Test
	void finishesALoadThatWasInterrupted() throws IOException {
		DemoDataset dataset = DemoDataset.generate(0.02);
		for (DemoFile file : dataset.files().subList(0, 4)) {
			try (InputStream content = file.open()) {
				imports.importOds(file.kind().odsFile(), file.fileName(), content);
			}
		}
		assertThat(directory.isSynthetic()).isFalse();

		assertThat(loader.loadUnlessPresent()).isTrue();

		assertThat(directory.isSynthetic()).isTrue();
		assertThat(directory.summary().openPractices()).isEqualTo(dataset.openPractices().size());
		assertThat(directory.coverage(LocalDate.now()).complete()).isTrue();
	}

	@Test
	void failsLoudlyNamingTheRowsOfARejectedFile() {
		DemoFile broken = new DemoFile(DemoFile.Kind.ECCG, "demo-eccg.csv",
				"\"00K\",\"NHS HARTLEPOOL AND STOCKTON-ON-TEES CCG\",\"Y54\"\n".getBytes(StandardCharsets.UTF_8));
		DemoDataset dataset = new DemoDataset(0.02, List.of(broken), List.of(), LocalDate.of(2014, 1, 1));

		assertThatThrownBy(() -> loader.load(dataset)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("demo-eccg.csv was rejected")
			.hasMessageContaining("row 1: has 3 columns");
		assertThat(directory.isSynthetic()).isFalse();
	}
}
