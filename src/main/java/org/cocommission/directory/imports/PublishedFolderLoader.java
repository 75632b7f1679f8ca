package org.cocommission.directory.imports;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import de.siegmar.fastcsv.reader.CsvRecord;

import org.cocommission.directory.DirectoryChanged;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.FolderLoadReport.FileLoaded;
import org.cocommission.directory.FolderLoadReport.Outcome;
import org.cocommission.directory.FolderLoadReport;
import org.cocommission.directory.ImportRejectedException;
import org.cocommission.directory.ImportReport;
import org.cocommission.directory.OdsCode;
import org.cocommission.directory.OdsFile;
import org.cocommission.directory.PublishedFileImporter;

import org.springframework.stereotype.Service;

/**
 * Loads a folder of published files, in any order and under any names, into an empty installation: recognises each
 * file by its name and first line, then loads them parents first (regions, area teams, CSUs, CCGs, ICBs, practices,
 * memberships, successors, registered patients), then other modules' files through {@link PublishedFileImporter}
 * (docs/loading-real-data.md, "One command").
 */
@Service
public class PublishedFolderLoader {

	private final DirectoryImports imports;

	private final List<PublishedFileImporter> others;

	PublishedFolderLoader(DirectoryImports imports, List<PublishedFileImporter> others) {
		this.imports = imports;
		this.others = others;
	}

	/** A file to load: its name and a way to open it (more than once). */
	record NamedFile(String name, Opener opener) {
	}

	@FunctionalInterface
	interface Opener {

		InputStream open() throws IOException;
	}

	/** The regular files of a folder, by name. */
	static List<NamedFile> folder(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> !file.getFileName().toString().startsWith("."))
				.sorted()
				.map(file -> new NamedFile(file.getFileName().toString(), () -> Files.newInputStream(file)))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + folder, ex);
		}
	}

	FolderLoadReport load(List<NamedFile> files, Consumer<String> progress) {
		List<Planned> plan = new ArrayList<>();
		List<FileLoaded> results = new ArrayList<>();
		for (NamedFile file : files) {
			Recognised recognised;
			try {
				recognised = recognise(file);
			}
			catch (IOException | UncheckedIOException ex) {
				results.add(new FileLoaded(file.name(), null, null, Outcome.FAILED, "could not be read: " + ex.getMessage(),
						null));
				continue;
			}
			if (recognised == null) {
				results.add(new FileLoaded(file.name(), null, null, Outcome.UNRECOGNISED,
						"not a file CoCommission recognises by its name and first line", null));
			}
			else if (recognised.order() < 0) {
				results.add(new FileLoaded(file.name(), recognised.kind(), recognised.label(), Outcome.NOT_LOADED,
						recognised.why(), null));
			}
			else {
				plan.add(new Planned(file, recognised));
			}
		}
		plan.sort(Comparator.comparingInt((Planned planned) -> planned.recognised().order())
			.thenComparing(planned -> planned.file().name()));
		List<FileLoaded> loaded = new ArrayList<>();
		int step = 0;
		for (Planned planned : plan) {
			step++;
			String prefix = "[" + step + "/" + plan.size() + "] " + planned.file().name() + " ("
					+ planned.recognised().label() + ")";
			progress.accept(prefix + " loading...");
			long started = System.nanoTime();
			FileLoaded result = loadOne(planned);
			loaded.add(result);
			progress.accept(prefix + " " + result.outcome().label().toLowerCase(Locale.ROOT) + ": " + result.summary()
					+ " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
		}
		results.forEach(result -> progress.accept(result.fileName() + ": " + result.outcome().label().toLowerCase(Locale.ROOT)
				+ ", " + result.summary()));
		loaded.addAll(results);
		return new FolderLoadReport(loaded);
	}

	private FileLoaded loadOne(Planned planned) {
		NamedFile file = planned.file();
		Recognised recognised = planned.recognised();
		try (InputStream content = file.opener().open()) {
			if (recognised.other() != null) {
				String summary = recognised.other().load(recognised.kind(), file.name(), content);
				return new FileLoaded(file.name(), recognised.kind(), recognised.label(), Outcome.LOADED, summary, null);
			}
			ImportReport report = imports.importFile(recognised.kind(), file.name(), content);
			return new FileLoaded(file.name(), recognised.kind(), recognised.label(), Outcome.LOADED, summary(report),
					report);
		}
		catch (ImportRejectedException ex) {
			return new FileLoaded(file.name(), recognised.kind(), recognised.label(), Outcome.REJECTED,
					ex.report().errors().size() + " row(s) to fix, nothing stored", ex.report());
		}
		catch (PublishedFileImporter.Refused ex) {
			return new FileLoaded(file.name(), recognised.kind(), recognised.label(), Outcome.REJECTED, ex.getMessage(),
					null);
		}
		catch (IOException | RuntimeException ex) {
			return new FileLoaded(file.name(), recognised.kind(), recognised.label(), Outcome.FAILED,
					String.valueOf(ex.getMessage()), null);
		}
	}

	private static String summary(ImportReport report) {
		return "%,d rows read, %,d created, %,d updated, %,d unchanged, %,d warning(s)".formatted(report.rowsRead(),
				report.created(), report.updated(), report.unchanged(), report.warnings().size());
	}

	/** What a file is, and when it loads ({@code order} below zero: recognised but not loaded here, and why). */
	record Recognised(String kind, String label, int order, PublishedFileImporter other, String why) {
	}

	private record Planned(NamedFile file, Recognised recognised) {
	}

	Recognised recognise(NamedFile file) throws IOException {
		String firstLine;
		try (var reader = new BufferedReader(new InputStreamReader(file.opener().open(), StandardCharsets.UTF_8))) {
			firstLine = reader.readLine();
		}
		if (firstLine == null) {
			return null;
		}
		if (firstLine.startsWith("\uFEFF")) {
			firstLine = firstLine.substring(1);
		}
		String name = file.name().toLowerCase(Locale.ROOT);
		for (PublishedFileImporter other : others) {
			Optional<String> kind = other.recognise(file.name(), firstLine);
			if (kind.isPresent()) {
				return new Recognised(kind.get(), other.label(kind.get()), other.order(kind.get()), other, null);
			}
		}
		String header = firstLine.toUpperCase(Locale.ROOT).replace("\"", "");
		if (header.startsWith("PUBLICATION,EXTRACT_DATE")) {
			return directory(DirectoryChanged.REGISTERED_PATIENTS, "patients registered at a GP practice", 80);
		}
		if (header.contains("ICB CODE") && (header.contains("CCG CODE") || header.contains("SUB ICB"))) {
			return directory(DirectoryImports.ICB_LOOKUP, "CCG to ICB lookup", 45);
		}
		if (header.startsWith("PRACTICE_CODE,GROUP_CODE")) {
			return notLoaded("qof-prevalence", "QOF prevalence",
					"an outcomes file: import it on /outcomes/imports (kind qof-prevalence, with its year)");
		}
		if (header.startsWith("INDICATOR ID,INDICATOR NAME")) {
			return notLoaded("fingertips", "Fingertips export", "an outcomes file: import it on /outcomes/imports");
		}
		if (header.contains("NHS ENGLAND (REGION) CODE")) {
			return notLoaded("payments", "NHS Payments to General Practice", "not imported by CoCommission's directory");
		}
		CsvRecord record = firstRecord(firstLine);
		if (record == null) {
			return null;
		}
		int fields = record.getFieldCount();
		if (fields == OdsRow.COLUMNS && OdsCode.isValid(record.getField(0).trim())) {
			return odsFile(name, record);
		}
		if (fields >= 5 && fields <= 7 && OdsCode.isValid(record.getField(0).trim())
				&& OdsCode.isValid(record.getField(1).trim())) {
			if (name.contains("epcmem") || (fields == 6 && record.getField(2).trim().equals("W"))) {
				return directory(DirectoryImports.MEMBERSHIPS, "practices' commissioners over time", 60);
			}
			if (name.contains("succ") || fields == 5) {
				return directory(DirectoryImports.SUCCESSIONS, "successor organisations", 70);
			}
		}
		return null;
	}

	/** The ODS 27-column files, by their published names, else by what their columns hold. */
	private static Recognised odsFile(String name, CsvRecord record) {
		if (name.contains("epraccur") || !record.getField(25).isBlank()) {
			return directory(OdsFile.EPRACCUR.slug(), "GP practices", 50);
		}
		if (name.contains("eccg") || name.contains("ccg")) {
			return directory(OdsFile.ECCG.slug(), "CCGs and sub-ICB locations", 40);
		}
		if (name.contains("ecsu") || name.contains("csu")) {
			return directory(OdsFile.ECSU.slug(), "commissioning support units", 30);
		}
		if (name.contains("region")) {
			return directory(OdsFile.REGIONS.slug(), "NHS England regions", 10);
		}
		if (name.contains("area")) {
			return directory(OdsFile.AREA_TEAMS.slug(), "area teams", 20);
		}
		return null;
	}

	private static Recognised directory(String kind, String label, int order) {
		return new Recognised(kind, label, order, null, null);
	}

	private static Recognised notLoaded(String kind, String label, String why) {
		return new Recognised(kind, label, -1, null, why);
	}

	private static CsvRecord firstRecord(String line) {
		try (var reader = CsvFiles.read(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)))) {
			var iterator = reader.iterator();
			return iterator.hasNext() ? iterator.next() : null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}
}
