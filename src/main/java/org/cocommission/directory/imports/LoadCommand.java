package org.cocommission.directory.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cocommission.directory.Directory;
import org.cocommission.directory.FolderLoadReport;
import org.cocommission.identity.ActingAs;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar cocommission.jar load DIR}: loads a folder of published files into the installation's database,
 * prints a line per file and a summary, and exits (0 when every recognised file was stored). The application's main
 * method starts it without the web server and without the demo dataset.
 */
@Component
@Order(10)
public class LoadCommand implements ApplicationRunner, ExitCodeGenerator {

	/** The command-line word that asks for a load. */
	static final String COMMAND = "load";

	private final PublishedFolderLoader loader;

	private final Directory directory;

	private int exitCode;

	LoadCommand(PublishedFolderLoader loader, Directory directory) {
		this.loader = loader;
		this.directory = directory;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		List<String> words = arguments.getNonOptionArgs();
		if (words.isEmpty() || !words.get(0).equals(COMMAND)) {
			return;
		}
		if (words.size() != 2 || !Files.isDirectory(Path.of(words.get(1)))) {
			System.out.println("Usage: java -jar cocommission.jar load DIR   (DIR: a folder of published files)");
			exitCode = 2;
			return;
		}
		if (directory.isSynthetic()) {
			System.out.println("This database holds the synthetic demo dataset: real files are never mixed into it."
					+ " Start on an empty database (COCOMMISSION_DATA_DIR or SPRING_DATASOURCE_URL).");
			exitCode = 3;
			return;
		}
		Path folder = Path.of(words.get(1));
		System.out.println("Loading the published files in " + folder.toAbsolutePath());
		FolderLoadReport report = ActingAs.system(
				() -> loader.load(PublishedFolderLoader.folder(folder), System.out::println));
		System.out.println(summary(report));
		exitCode = report.complete() ? 0 : 1;
	}

	public static String summary(FolderLoadReport report) {
		return "%d file(s) loaded, %d refused, %d failed, %d not loaded here, %d not recognised. %s".formatted(
				report.count(FolderLoadReport.Outcome.LOADED), report.count(FolderLoadReport.Outcome.REJECTED),
				report.count(FolderLoadReport.Outcome.FAILED), report.count(FolderLoadReport.Outcome.NOT_LOADED),
				report.count(FolderLoadReport.Outcome.UNRECOGNISED),
				report.complete() ? "The directory is ready to use." : "Fix the refused files and run the load again.");
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
