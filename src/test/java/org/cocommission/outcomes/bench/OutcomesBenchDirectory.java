package org.cocommission.outcomes.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.cocommission.directory.AgeBand;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OdsFile;

/**
 * The outcomes bench's synthetic directory: regions, area teams, about one CCG per 37 practices, and the practices,
 * written as the ODS files NHS Digital publishes and loaded through the directory's own importers. One practice in
 * 50 moves to the next CCG halfway through the series (a second epraccur file), so that placing observations "as at
 * the period" matters; registered lists in 5-year bands give the CCG peer groups their populations.
 */
final class OutcomesBenchDirectory {

	private static final DateTimeFormatter ODS_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final DateTimeFormatter EXTRACT_DATE = DateTimeFormatter.ofPattern("ddMMMyyyy", Locale.UK);

	/** A practice, its CCG at the start, the CCG it moves to (or null) and its registered list. */
	record Practice(String code, String ccg, String movesTo, int list) {
	}

	private final List<String> regions = new ArrayList<>();

	private final Map<String, String> areaTeams = new LinkedHashMap<>();

	private final Map<String, String> ccgs = new LinkedHashMap<>();

	private final List<Practice> practices = new ArrayList<>();

	private final LocalDate opened;

	private final LocalDate moved;

	OutcomesBenchDirectory(int practiceCount, LocalDate opened, LocalDate moved) {
		this.opened = opened;
		this.moved = moved;
		int ccgCount = Math.max(1, Math.round(practiceCount / 37f));
		int areaCount = Math.max(1, Math.round(ccgCount / 8f));
		int regionCount = Math.min(4, Math.max(1, Math.round(areaCount / 6f)));
		for (int index = 0; index < regionCount; index++) {
			regions.add("Y" + (54 + index));
		}
		for (int index = 0; index < areaCount; index++) {
			areaTeams.put("Q%02d".formatted(10 + index), regions.get(index % regionCount));
		}
		List<String> areaCodes = List.copyOf(areaTeams.keySet());
		for (int index = 0; index < ccgCount; index++) {
			ccgs.put("%02d%c".formatted(index / 26, (char) ('A' + index % 26)), areaCodes.get(index % areaCount));
		}
		List<String> ccgCodes = List.copyOf(ccgs.keySet());
		SplittableRandom random = new SplittableRandom(7_800);
		for (int index = 0; index < practiceCount; index++) {
			// CCGs of uneven size, as they are: a practice lands in a CCG drawn with a skew towards the first ones.
			int ccg = index < ccgCount ? index : (int) (ccgCount * Math.pow(random.nextDouble(), 1.3));
			String movesTo = ccgCount > 1 && index % 50 == 7 ? ccgCodes.get((ccg + 1) % ccgCount) : null;
			int list = (int) Math.max(600, Math.min(40_000, Math.exp(Math.log(7_000) + 0.55 * gaussian(random))));
			practices.add(new Practice("%c%05d".formatted((char) ('A' + index / 100_000), index % 100_000),
					ccgCodes.get(ccg), movesTo, list));
		}
	}

	List<Practice> practices() {
		return practices;
	}

	List<String> ccgCodes() {
		return List.copyOf(ccgs.keySet());
	}

	/** Whether any practice moves CCG halfway (none with a single CCG, as at the tiny scale of the IT). */
	boolean movesPractices() {
		return practices.stream().anyMatch(practice -> practice.movesTo() != null);
	}

	int areaTeamCount() {
		return areaTeams.size();
	}

	int regionCount() {
		return regions.size();
	}

	/** Each CCG's registered population at the start (the denominator of the CCG-level indicators). */
	Map<String, Long> ccgLists() {
		Map<String, Long> lists = new LinkedHashMap<>();
		ccgs.keySet().forEach(code -> lists.put(code, 0L));
		practices.forEach(practice -> lists.merge(practice.ccg(), (long) practice.list(), Long::sum));
		return lists;
	}

	/** Loads the files through the directory's importers, in the order they are published. */
	void load(DirectoryImports imports) {
		String start = opened.format(ODS_DATE);
		StringBuilder file = new StringBuilder();
		regions.forEach(code -> file.append(ods(code, "NHS ENGLAND BENCH REGION " + code, "", "", "", "", "", "", "", "",
				start)));
		imports.importOds(OdsFile.REGIONS, "bench-regions.csv", stream(file));
		file.setLength(0);
		areaTeams.forEach((code, region) -> file.append(ods(code, "BENCH AREA TEAM " + code, region, "", "", "", "", "",
				"", "", start)));
		imports.importOds(OdsFile.AREA_TEAMS, "bench-area-teams.csv", stream(file));
		file.setLength(0);
		ccgs.forEach((code, area) -> file.append(ods(code, "NHS BENCH CCG " + code, areaTeams.get(area), area,
				"1 HIGH STREET", "", "TOWN", "", "", "TS1 1AA", start)));
		imports.importOds(OdsFile.ECCG, "bench-eccg.csv", stream(file));
		imports.importOds(OdsFile.EPRACCUR, "bench-epraccur-1.csv", stream(epraccur(false)));
		if (movesPractices()) {
			imports.importOds(OdsFile.EPRACCUR, "bench-epraccur-2.csv", stream(epraccur(true)));
		}
		imports.importRegisteredPatients("bench-registered-patients.csv", stream(registeredPatients()));
	}

	private StringBuilder epraccur(boolean afterMoves) {
		StringBuilder file = new StringBuilder(practices.size() * 200);
		for (Practice practice : practices) {
			boolean moving = afterMoves && practice.movesTo() != null;
			String ccg = moving ? practice.movesTo() : practice.ccg();
			String area = ccgs.get(ccg);
			file.append(ods(practice.code(), "BENCH PRACTICE " + practice.code(), areaTeams.get(area), area,
					"THE HEALTH CENTRE", "HIGH STREET", "TOWN", "", "", "TS1 2AB", "19740401", "", "A", "B", ccg,
					(moving ? moved : opened).format(ODS_DATE), "", "01642 000000", "", "", "", "0", "", ccg, "", "4", ""));
		}
		return file;
	}

	/** 5-year bands by sex, at the start; the young-to-old tilt varies by CCG and practice, so CCGs differ. */
	private StringBuilder registeredPatients() {
		StringBuilder file = new StringBuilder(
				"PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n");
		String extract = opened.format(EXTRACT_DATE).toUpperCase(Locale.UK);
		SplittableRandom random = new SplittableRandom(2_013);
		List<String> ccgCodes = ccgCodes();
		for (Practice practice : practices) {
			double tilt = 0.3 * ((ccgCodes.indexOf(practice.ccg()) % 7) - 3) / 3 + 0.2 * gaussian(random);
			double[] weights = new double[AgeBand.ALL.size()];
			double total = 0;
			for (int band = 0; band < weights.length; band++) {
				double age = band / (double) (weights.length - 1);
				weights[band] = Math.max(0.05, (band < 14 ? 1.0 : 1.0 - (band - 13) * 0.18) * (1 + tilt * (age - 0.5)));
				total += weights[band];
			}
			for (int band = 0; band < weights.length; band++) {
				long people = Math.round(practice.list() * weights[band] / total);
				String age = band == weights.length - 1 ? "90_94" : AgeBand.ALL.get(band).code();
				String prefix = "GP_PRAC_PAT_LIST," + extract + ",GP," + practice.ccg() + ",E38000001," + practice.code()
						+ ",TS1 2AB,";
				file.append(prefix).append("MALE,").append(age).append(',').append(people / 2).append('\n');
				file.append(prefix).append("FEMALE,").append(age).append(',').append(people - people / 2).append('\n');
			}
		}
		return file;
	}

	static double gaussian(SplittableRandom random) {
		// Box-Muller: SplittableRandom has no nextGaussian on Java 17.
		return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
	}

	private static String ods(String... values) {
		String[] columns = new String[27];
		java.util.Arrays.fill(columns, "");
		System.arraycopy(values, 0, columns, 0, values.length);
		return "\"" + String.join("\",\"", columns) + "\"\n";
	}

	private static ByteArrayInputStream stream(CharSequence text) {
		return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
	}
}
