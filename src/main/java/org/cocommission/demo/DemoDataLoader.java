package org.cocommission.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.directory.Directory;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.ImportRecord;
import org.cocommission.directory.ImportRejectedException;
import org.cocommission.directory.ImportReport;
import org.cocommission.directory.NationalSummary;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.UserAccounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo dataset at start-up (with {@code cocommission.demo=true}) when the directory holds no demo data
 * yet, through the same importers as real files, then opens the demo accounts. It runs before the application
 * reports ready, as the system ({@link ActingAs#system}: nobody is signed in), and fails the start-up when an import
 * is rejected.
 */
@Component
@Order(0)
public class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DirectoryImports imports;

	private final Directory directory;

	private final UserAccounts accounts;

	private final boolean enabled;

	private final double scale;

	private final String password;

	DemoDataLoader(DirectoryImports imports, Directory directory, UserAccounts accounts,
			@Value("${cocommission.demo:false}") boolean enabled, @Value("${cocommission.demo-scale:1.0}") double scale,
			@Value("${cocommission.demo-password:}") String password) {
		this.imports = imports;
		this.directory = directory;
		this.accounts = accounts;
		this.enabled = enabled;
		this.scale = scale;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (enabled) {
			ActingAs.system(this::loadUnlessPresent);
		}
	}

	/**
	 * Generates and loads the dataset unless the directory already has it; returns whether it loaded. A load that was
	 * interrupted (the directory is marked synthetic only at the end) is run again: every step is idempotent. A
	 * directory holding anything else is left alone, so demo data is never mixed into real data.
	 */
	public boolean loadUnlessPresent() {
		boolean synthetic = directory.isSynthetic();
		boolean empty = !synthetic && isEmpty(directory.summary());
		Start start = decide(synthetic, empty, synthetic || empty ? List.of() : imports.recentImports(10_000));
		switch (start) {
			case ALREADY_LOADED -> log.info("Demo data already loaded; starting with it");
			case OTHER_DATA -> log.warn("The directory holds organisations that are not demo data, so the demo dataset"
					+ " is not loaded; start with COCOMMISSION_DEMO=false to silence this");
			case RESUME -> log.info("Resuming an interrupted load of the demo dataset");
			case LOAD -> log.info("Loading the synthetic demo dataset (scale {})", scale);
		}
		if (start != Start.LOAD && start != Start.RESUME) {
			return false;
		}
		long started = System.nanoTime();
		DemoDataset dataset = DemoDataset.generate(scale);
		log.info("Generated the synthetic demo dataset (scale {}) in {} ms", scale, millisSince(started));
		load(dataset);
		return true;
	}

	/** What a start-up finds: the demo loaded, nothing yet, an interrupted demo load, or other data. */
	enum Start {

		ALREADY_LOADED, LOAD, RESUME, OTHER_DATA
	}

	/**
	 * A directory that is not marked synthetic but holds organisations all imported by the system from demo files
	 * is a demo load that was interrupted; anything else in it is someone's data.
	 */
	static Start decide(boolean synthetic, boolean empty, List<ImportRecord> pastImports) {
		if (synthetic) {
			return Start.ALREADY_LOADED;
		}
		if (empty) {
			return Start.LOAD;
		}
		boolean onlyDemoImports = !pastImports.isEmpty() && pastImports.stream()
			.allMatch(record -> ActingAs.SYSTEM.equals(record.importedBy()) && record.fileName() != null
					&& record.fileName().startsWith(DemoDataset.FILE_PREFIX));
		return onlyDemoImports ? Start.RESUME : Start.OTHER_DATA;
	}

	/**
	 * Imports every file of the dataset in order, opens the demo accounts and, last, marks the directory synthetic:
	 * that mark is what tells later start-ups the load is complete. Returns how long each step took.
	 */
	public List<Step> load(DemoDataset dataset) {
		if (password.isBlank()) {
			throw new IllegalStateException(
					"Set cocommission.demo-password (COCOMMISSION_DEMO_PASSWORD) to open the demo accounts");
		}
		long started = System.nanoTime();
		List<Step> steps = new ArrayList<>();
		for (DemoFile file : dataset.files()) {
			long stepStarted = System.nanoTime();
			ImportReport report = importFile(file);
			steps.add(new Step(file.fileName(), report.rowsRead(), Duration.ofNanos(System.nanoTime() - stepStarted)));
			log.info("Demo data: imported {} ({} rows, {} warnings) in {} ms", file.fileName(), report.rowsRead(),
					report.warnings().size(), millisSince(stepStarted));
		}
		long stepStarted = System.nanoTime();
		int opened = accounts.createDemoAccounts(dataset.demoAccounts(), password);
		steps.add(new Step("demo accounts", opened, Duration.ofNanos(System.nanoTime() - stepStarted)));
		log.info("Demo data: opened {} demo accounts in {} ms", opened, millisSince(stepStarted));
		stepStarted = System.nanoTime();
		imports.markSynthetic();
		steps.add(new Step("mark synthetic", 0, Duration.ofNanos(System.nanoTime() - stepStarted)));
		log.info("Loaded the synthetic demo dataset ({} open practices, {} patients) in {} ms",
				dataset.openPractices().size(), dataset.patients(), millisSince(started));
		return steps;
	}

	private ImportReport importFile(DemoFile file) {
		try (InputStream content = file.open()) {
			return imports.importFile(file.kind().importKind(), file.fileName(), content);
		}
		catch (ImportRejectedException ex) {
			String errors = ex.report().errors().stream().limit(10)
				.map(error -> "row " + error.row() + ": " + error.message())
				.collect(Collectors.joining("; "));
			log.error("The demo file {} was rejected ({} errors), first: {}", file.fileName(), ex.report().errors().size(),
					errors);
			throw new IllegalStateException("The generated demo file " + file.fileName() + " was rejected: " + errors, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isEmpty(NationalSummary summary) {
		return summary.regions() + summary.areaTeams() + summary.ccgs() + summary.csus() + summary.openPractices()
				+ summary.otherSettings() == 0;
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	/** One step of a load: a file imported (rows read) or the accounts opened (accounts), and how long it took. */
	public record Step(String name, int rows, Duration took) {
	}
}
