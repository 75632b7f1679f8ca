package org.cocommission.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.cocommission.directory.OrganisationType;

/**
 * Draws the synthetic national directory and writes it in the NHS's published layouts. Every draw comes from
 * {@link Random} seeded with a constant (and, per CCG, with the CCG's code), whose algorithm Java specifies, and every
 * collection is ordered: the same scale gives the same bytes on every run and machine.
 */
final class DemoGenerator {

	static final long SEED = 20130401L;

	/** Registered patients in England at the latest extract (about 56 million in January 2014). */
	static final long NATIONAL_PATIENTS = 56_200_000;

	static final int NATIONAL_CCGS = 211;

	static final int NATIONAL_AREA_TEAMS = 27;

	static final int NATIONAL_CSUS = 19;

	/** CCGs took over from PCTs on 1 April 2013; the whole demo hierarchy dates from then. */
	static final LocalDate ESTABLISHED = LocalDate.of(2013, 4, 1);

	/** The quarterly extracts of registered patients; only the last one is split by age and sex. */
	static final List<LocalDate> EXTRACTS = List.of(ESTABLISHED, LocalDate.of(2013, 7, 1), LocalDate.of(2013, 10, 1),
			LocalDate.of(2014, 1, 1));

	static final int MIN_LIST = 1_000;

	static final int MAX_LIST = 30_000;

	private static final int MEAN_LIST = 7_100;

	private static final double CLOSED_SHARE = 0.03;

	private static final double OTHER_SETTING_SHARE = 0.042;

	private static final DateTimeFormatter ODS_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");

	private static final DateTimeFormatter EXTRACT_DATE = DateTimeFormatter.ofPattern("ddMMMuuuu", Locale.ENGLISH);

	private static final String POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

	private static final String CCG_CODE_LETTERS = "ACDEFGHJKLMNPQRTVWXY";

	private static final String PATIENTS_HEADER = "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,"
			+ "NUMBER_OF_PATIENTS\n";

	/** Prescribing settings other than GP practices, with their share among them and a name pattern. */
	private static final List<OtherSetting> OTHER_SETTINGS = List.of(new OtherSetting(1, 25, "%s WALK-IN CENTRE"),
			new OtherSetting(2, 20, "%s OUT OF HOURS SERVICE"), new OtherSetting(3, 5, "%s WALK-IN AND OUT OF HOURS CENTRE"),
			new OtherSetting(25, 12, "HMP %s"), new OtherSetting(9, 12, "%s COMMUNITY HEALTH SERVICES"),
			new OtherSetting(12, 10, "%s URGENT CARE CENTRE"), new OtherSetting(0, 8, "%s SUBSTANCE MISUSE SERVICE"),
			new OtherSetting(8, 8, "%s SEXUAL HEALTH SERVICE"));

	private final double scale;

	private final Random random = new Random(SEED);

	private final Map<Character, Integer> practiceBlocks = new LinkedHashMap<>();

	private int nextOtherSetting = 1001;

	/**
	 * The demo's CCG merger: the first three CCGs of this area team (Coventry and Rugby, South Warwickshire and
	 * Warwickshire North, which really merged in 2021) closed on 31 March 2018 and their practices moved to a new CCG
	 * with a new code the next day, as ODS records it in eccg, epraccur, epcmem and succ. Only at scales that keep all
	 * three (0.05 and above).
	 */
	static final String MERGER_AREA_TEAM = "Q53";

	static final int MERGED_CCGS = 3;

	static final String MERGED_CODE = "15X";

	static final String MERGED_NAME = "NHS COVENTRY AND WARWICKSHIRE CCG";

	static final LocalDate MERGED_ON = LocalDate.of(2018, 4, 1);

	/** A real practice code the README uses as its example: the first practice of its block keeps it. */
	static final String NAMED_PRACTICE = "A81001";

	private DemoGenerator(double scale) {
		if (!(scale > 0 && scale <= 1)) {
			throw new IllegalArgumentException("The demo scale must be above 0 and at most 1, not " + scale);
		}
		this.scale = scale;
	}

	static DemoDataset generate(double scale) {
		return new DemoGenerator(scale).run();
	}

	private DemoDataset run() {
		List<England.AreaTeam> teams = selectAreaTeams();
		List<Ccg> ccgs = selectCcgs(teams);
		assignOnsCodes(ccgs);
		assignTargets(ccgs);
		List<Practice> practices = new ArrayList<>();
		for (Ccg ccg : ccgs) {
			practices.addAll(practicesOf(ccg));
		}
		practices.sort(Comparator.comparing(Practice::code));
		List<Csu> csus = csus();
		Merger merger = merger(ccgs);

		List<DemoFile> files = new ArrayList<>();
		files.add(file(DemoFile.Kind.REGIONS, DemoDataset.FILE_PREFIX + "regions.csv", regionsCsv()));
		files.add(file(DemoFile.Kind.AREA_TEAMS, DemoDataset.FILE_PREFIX + "area-teams.csv", areaTeamsCsv(teams)));
		files.add(file(DemoFile.Kind.ECSU, DemoDataset.FILE_PREFIX + "ecsu.csv", csusCsv(csus)));
		files.add(file(DemoFile.Kind.ECCG, DemoDataset.FILE_PREFIX + "eccg.csv", ccgsCsv(ccgs, merger)));
		files.add(file(DemoFile.Kind.EPRACCUR, DemoDataset.FILE_PREFIX + "epraccur.csv", epraccurCsv(practices, merger)));
		if (merger != null) {
			files.add(file(DemoFile.Kind.MEMBERSHIPS, DemoDataset.FILE_PREFIX + "epcmem.csv", epcmemCsv(practices, merger)));
			files.add(file(DemoFile.Kind.SUCCESSIONS, DemoDataset.FILE_PREFIX + "succ.csv", succCsv(merger)));
		}
		List<Practice> byCcg = new ArrayList<>(practices);
		byCcg.sort(Comparator.comparing((Practice practice) -> practice.ccg().code()).thenComparing(Practice::code));
		for (int extract = 0; extract < EXTRACTS.size(); extract++) {
			boolean latest = extract == EXTRACTS.size() - 1;
			String date = extractDate(EXTRACTS.get(extract));
			String name = DemoDataset.FILE_PREFIX + (latest ? "gp-reg-pat-prac-quin-age-" : "gp-reg-pat-prac-all-")
					+ date + ".csv";
			files.add(file(DemoFile.Kind.REGISTERED_PATIENTS, name, patientsCsv(byCcg, extract, latest)));
		}
		List<DemoMerger> mergers = merger == null ? List.of()
				: List.of(new DemoMerger(MERGED_CODE, MERGED_NAME, merger.team().code(),
						merger.predecessors().stream().map(Ccg::code).toList(), MERGED_ON));
		return new DemoDataset(scale, files, organisations(teams, csus, ccgs, practices, merger),
				EXTRACTS.get(EXTRACTS.size() - 1), mergers);
	}

	/** The merger, when the scale keeps all its CCGs (docs/domain-rules.md, "The demo's CCG merger"). */
	private static Merger merger(List<Ccg> ccgs) {
		List<Ccg> merging = ccgs.stream()
			.filter(ccg -> ccg.team().code().equals(MERGER_AREA_TEAM))
			.limit(MERGED_CCGS)
			.toList();
		return merging.size() < MERGED_CCGS ? null : new Merger(merging.get(0).team(), merging);
	}

	// --- the hierarchy -------------------------------------------------------------------------------------------

	/** Whole area teams, taken from each region in turn so that a scaled-down country keeps all four regions. */
	private List<England.AreaTeam> selectAreaTeams() {
		int wanted = Math.max(England.REGIONS.size(), Math.min(NATIONAL_AREA_TEAMS,
				(int) Math.round(NATIONAL_AREA_TEAMS * scale)));
		List<England.AreaTeam> selected = new ArrayList<>();
		for (int round = 0; selected.size() < wanted; round++) {
			for (England.Region region : England.REGIONS) {
				List<England.AreaTeam> inRegion = England.AREA_TEAMS.stream()
					.filter(team -> team.region().equals(region.code()))
					.toList();
				if (round < inRegion.size() && selected.size() < wanted) {
					selected.add(inRegion.get(round));
				}
			}
		}
		selected.sort(Comparator.comparing(England.AREA_TEAMS::indexOf));
		return selected;
	}

	/** The CCGs of the selected area teams, taken from each team in turn, with codes in the ODS style. */
	private List<Ccg> selectCcgs(List<England.AreaTeam> teams) {
		int available = teams.stream().mapToInt(team -> team.ccgs().size()).sum();
		int wanted = Math.max(teams.size(), Math.min(available, (int) Math.round(NATIONAL_CCGS * scale)));
		Map<England.AreaTeam, Integer> taken = new LinkedHashMap<>();
		teams.forEach(team -> taken.put(team, 0));
		int count = 0;
		while (count < wanted) {
			for (England.AreaTeam team : teams) {
				if (taken.get(team) < team.ccgs().size() && count < wanted) {
					taken.merge(team, 1, Integer::sum);
					count++;
				}
			}
		}
		Set<String> anchored = new HashSet<>();
		England.AREA_TEAMS.forEach(team -> anchored.addAll(team.anchoredCcgCodes()));
		List<String> pool = new ArrayList<>();
		for (int number = 0; number < 15; number++) {
			for (char letter : CCG_CODE_LETTERS.toCharArray()) {
				String code = String.format("%02d%c", number, letter);
				if (!anchored.contains(code)) {
					pool.add(code);
				}
			}
		}
		List<Ccg> ccgs = new ArrayList<>();
		int nextCode = 0;
		for (England.AreaTeam team : teams) {
			for (int index = 0; index < taken.get(team); index++) {
				String entry = team.ccgs().get(index);
				String code = index < team.anchoredCcgCodes().size() ? team.anchoredCcgCodes().get(index)
						: pool.get(nextCode++);
				int ccgNumber = ccgs.size();
				ccgs.add(new Ccg(code, "NHS " + England.place(entry) + " CCG", team, entry,
						England.towns(entry, team.region().equals("Y56")),
						atOrLast(team.postcodeAreas(), index), atOrLast(team.diallingCodes(), index),
						1 + (ccgNumber * 7) % 20));
			}
		}
		return ccgs;
	}

	/** ONS codes run in name order, as the ONS numbered the CCGs. */
	private static void assignOnsCodes(List<Ccg> ccgs) {
		List<Ccg> byName = new ArrayList<>(ccgs);
		byName.sort(Comparator.comparing(Ccg::name));
		for (int index = 0; index < byName.size(); index++) {
			byName.get(index).onsCode = String.format("E38%06d", index + 1);
		}
	}

	/**
	 * CCG sizes are the quantiles of a log-normal spread (median about 235,000), so that even a handful of CCGs spans
	 * small to large; large-looking places get the largest, small ones the smallest, then all are scaled to the
	 * national total (about 63,000 to 900,000 at full scale).
	 */
	private void assignTargets(List<Ccg> ccgs) {
		int count = ccgs.size();
		List<Double> quantiles = new ArrayList<>();
		for (int index = 0; index < count; index++) {
			quantiles.add(235_000 * Math.exp(0.46 * inverseNormal((index + 0.5) / count)));
		}
		List<Ccg> small = new ArrayList<>();
		List<Ccg> medium = new ArrayList<>();
		List<Ccg> large = new ArrayList<>();
		for (Ccg ccg : ccgs) {
			(England.marked(ccg.entry(), '+') ? large : England.marked(ccg.entry(), '-') ? small : medium).add(ccg);
		}
		List<Ccg> ordered = new ArrayList<>();
		for (List<Ccg> group : List.of(small, medium, large)) {
			List<Ccg> shuffled = new ArrayList<>(group);
			Collections.shuffle(shuffled, random);
			ordered.addAll(shuffled);
		}
		double sum = quantiles.stream().mapToDouble(Double::doubleValue).sum();
		long national = Math.round(NATIONAL_PATIENTS * (double) count / NATIONAL_CCGS);
		long assigned = 0;
		for (int index = 0; index < count; index++) {
			long target = index == count - 1 ? national - assigned : Math.round(quantiles.get(index) * national / sum);
			ordered.get(index).target = target;
			assigned += target;
		}
	}

	private List<Csu> csus() {
		int count = Math.max(9, Math.min(NATIONAL_CSUS, (int) Math.round(NATIONAL_CSUS * scale)));
		List<Csu> csus = new ArrayList<>();
		for (int index = 0; index < count; index++) {
			csus.add(new Csu(England.CSU_CODES.get(index), England.CSU_NAMES.get(index) + " COMMISSIONING SUPPORT UNIT",
					England.CSU_TOWNS.get(index), England.CSU_POSTCODES.get(index)));
		}
		return csus;
	}

	// --- practices ------------------------------------------------------------------------------------------------

	private List<Practice> practicesOf(Ccg ccg) {
		Random draw = new Random(SEED * 31 + ccg.code().hashCode());
		int open = (int) Math.max(2, Math.round(ccg.target / (double) MEAN_LIST * (0.92 + 0.16 * draw.nextDouble())));
		int[] sizes = listSizes(ccg.target, open, draw);
		List<Practice> practices = new ArrayList<>();
		List<Boolean> closedSlots = new ArrayList<>();
		int others = 0;
		for (int index = 0; index < open; index++) {
			closedSlots.add(false);
			if (draw.nextDouble() < CLOSED_SHARE) {
				closedSlots.add(true);
			}
			if (draw.nextDouble() < OTHER_SETTING_SHARE) {
				others++;
			}
		}
		Collections.shuffle(closedSlots, draw);
		Set<String> names = new HashSet<>();
		String block = practiceBlock(ccg.team().practiceLetter());
		boolean named = NAMED_PRACTICE.startsWith(block);
		if (named && closedSlots.get(0)) {
			// The practice the README names is open, so its user and its page exist.
			closedSlots.set(closedSlots.indexOf(false), true);
			closedSlots.set(0, false);
		}
		int sequence = 0;
		int nextOpen = 0;
		for (boolean closed : closedSlots) {
			sequence += draw.nextDouble() < 0.85 ? 1 : draw.nextDouble() < 0.67 ? 2 : 3;
			String code = named && sequence <= 3 && practices.isEmpty() ? NAMED_PRACTICE
					: block + String.format("%03d", sequence);
			Practice practice = practice(code, ccg, draw, names);
			practice.setting = 4;
			if (closed) {
				practice.status = "C";
				practice.closeDate = ESTABLISHED.plusDays(1 + draw.nextInt(274));
				practice.listSize = clamp((int) Math.round(2_800 * Math.exp(0.5 * draw.nextGaussian())), MIN_LIST, 9_000);
			}
			else {
				practice.listSize = sizes[nextOpen++];
				practice.profile = profile(ccg, draw);
			}
			practices.add(practice);
		}
		for (int index = 0; index < others; index++) {
			nextOtherSetting += 1 + draw.nextInt(7);
			Practice setting = practice("Y0" + String.format("%04d", nextOtherSetting), ccg, draw, names);
			OtherSetting kind = otherSetting(draw);
			String place = ccg.london() || kind.setting() == 25 && draw.nextBoolean() ? pick(England.FEATURES, draw)
					: setting.town;
			String name = String.format(kind.pattern(), place);
			if (!names.add(name)) {
				name = String.format(kind.pattern(), pick(England.STREETS, draw).replace(" ROAD", "").replace(" STREET", ""));
				names.add(name);
			}
			setting.name = name;
			setting.setting = kind.setting();
			practices.add(setting);
		}
		history(practices, draw);
		return practices;
	}

	/** Open practices' lists: log-normal, 1,000 to 30,000, adding up exactly to the CCG's target. */
	private static int[] listSizes(long target, int count, Random draw) {
		double[] sizes = new double[count];
		for (int index = 0; index < count; index++) {
			double size;
			do {
				size = 6_100 * Math.exp(0.6 * draw.nextGaussian());
			}
			while (size < 1_100 || size > 29_000);
			sizes[index] = size;
		}
		for (int round = 0; round < 60; round++) {
			double sum = 0;
			for (double size : sizes) {
				sum += size;
			}
			double factor = target / sum;
			if (Math.abs(factor - 1) < 1e-12) {
				break;
			}
			for (int index = 0; index < count; index++) {
				sizes[index] = Math.min(MAX_LIST, Math.max(MIN_LIST, sizes[index] * factor));
			}
		}
		int[] lists = new int[count];
		long sum = 0;
		for (int index = 0; index < count; index++) {
			lists[index] = (int) Math.round(sizes[index]);
			sum += lists[index];
		}
		for (int index = 0; sum != target; index = (index + 1) % count) {
			int step = sum < target ? 1 : -1;
			if (lists[index] + step >= MIN_LIST && lists[index] + step <= MAX_LIST) {
				lists[index] += step;
				sum += step;
			}
		}
		return lists;
	}

	private Practice practice(String code, Ccg ccg, Random draw, Set<String> names) {
		Practice practice = new Practice(code, ccg);
		String town = pick(ccg.towns(), draw);
		String street = pick(England.STREETS, draw);
		String name;
		do {
			name = practiceName(town, street, ccg.london(), draw);
			if (names.contains(name)) {
				street = pick(England.STREETS, draw);
			}
		}
		while (!names.add(name));
		practice.name = name;
		practice.town = town;
		List<String> lines = new ArrayList<>();
		double building = draw.nextDouble();
		if (building < 0.3) {
			lines.add(pick(England.BUILDINGS, draw));
		}
		else if (building < 0.5) {
			lines.add(name.length() > 25 ? name.substring(0, 25).trim() : name);
		}
		lines.add(draw.nextDouble() < 0.4 ? (1 + draw.nextInt(180)) + " " + street : street);
		if (ccg.london()) {
			lines.add(londonLocality(ccg.place(), draw));
		}
		lines.add(town);
		while (lines.size() < 5) {
			lines.add("");
		}
		practice.address = lines;
		practice.postcode = ccg.postcodeArea() + (ccg.districtBase() + draw.nextInt(6)) + " " + draw.nextInt(10)
				+ POSTCODE_LETTERS.charAt(draw.nextInt(POSTCODE_LETTERS.length()))
				+ POSTCODE_LETTERS.charAt(draw.nextInt(POSTCODE_LETTERS.length()));
		practice.telephone = telephone(ccg.diallingCode(), draw);
		practice.openDate = draw.nextDouble() < 0.55 ? LocalDate.of(1974, 4, 1)
				: LocalDate.of(1975 + draw.nextInt(37), 1 + draw.nextInt(12), 1);
		practice.status = "A";
		return practice;
	}

	/** The borough a London practice is in, as its address names it. */
	private static String londonLocality(String place, Random draw) {
		List<String> parts = java.util.Arrays.stream(place.split(" AND "))
			.map(part -> switch (part) {
				case "CITY" -> "CITY OF LONDON";
				case "CENTRAL LONDON" -> "WESTMINSTER";
				case "WEST LONDON" -> "KENSINGTON";
				default -> part;
			})
			.toList();
		return pick(parts, draw);
	}

	private static String practiceName(String town, String street, boolean london, Random draw) {
		double pattern = draw.nextDouble();
		String surname = pick(England.SURNAMES, draw);
		String feature = pick(England.FEATURES, draw);
		String place = street.replace("THE AVENUE", "AVENUE");
		if (pattern < 0.12) {
			return "THE " + surname + " SURGERY";
		}
		if (pattern < 0.27) {
			return place + " SURGERY";
		}
		if (pattern < 0.42) {
			return place + " MEDICAL CENTRE";
		}
		if (pattern < 0.50) {
			return place + " MEDICAL PRACTICE";
		}
		if (pattern < 0.55) {
			return place + " HEALTH CENTRE";
		}
		if (pattern < 0.64 && !london) {
			return town + (draw.nextBoolean() ? " MEDICAL CENTRE" : " FAMILY PRACTICE");
		}
		if (pattern < 0.74) {
			return feature + " SURGERY";
		}
		if (pattern < 0.84) {
			return feature + " MEDICAL CENTRE";
		}
		if (pattern < 0.90) {
			return feature + " PRACTICE";
		}
		if (pattern < 0.95) {
			return "DR " + (char) ('A' + draw.nextInt(26)) + " " + surname
					+ (draw.nextBoolean() ? "'S PRACTICE" : " AND PARTNERS");
		}
		return surname + " HOUSE SURGERY";
	}

	private static String telephone(String diallingCode, Random draw) {
		int digits = 11 - diallingCode.length();
		StringBuilder number = new StringBuilder();
		number.append(2 + draw.nextInt(7));
		for (int index = 1; index < digits; index++) {
			number.append(draw.nextInt(10));
		}
		return switch (diallingCode.length()) {
			case 3 -> diallingCode + " " + number.substring(0, 4) + " " + number.substring(4);
			case 4 -> diallingCode + " " + number.substring(0, 3) + " " + number.substring(3);
			default -> diallingCode + " " + number;
		};
	}

	private static AgeStructure.Profile profile(Ccg ccg, Random draw) {
		double roll = draw.nextDouble();
		double student = England.marked(ccg.entry(), '^') ? 0.06 : 0.004;
		double older = England.marked(ccg.entry(), '~') ? 0.55 : ccg.london() ? 0.02 : 0.08;
		double young = ccg.london() ? 0.5 : England.marked(ccg.entry(), '^') || England.marked(ccg.entry(), '+') ? 0.15
				: 0.06;
		if (roll < student) {
			return AgeStructure.Profile.STUDENT;
		}
		if (roll < student + older) {
			return AgeStructure.Profile.OLDER;
		}
		if (roll < student + older + young) {
			return AgeStructure.Profile.YOUNG_URBAN;
		}
		return AgeStructure.Profile.TYPICAL;
	}

	/**
	 * Lists at the earlier quarterly extracts: open practices grew a little each quarter (lists grew about 0.25% a
	 * quarter); a closed practice was listed until it closed, and its patients then moved to practices
	 * nearby, which therefore had fewer patients before.
	 */
	private static void history(List<Practice> practices, Random draw) {
		int latest = EXTRACTS.size() - 1;
		List<Practice> open = practices.stream().filter(Practice::isOpenGpPractice).toList();
		for (Practice practice : open) {
			double growth = Math.max(-0.015, Math.min(0.03, 0.0025 + 0.006 * draw.nextGaussian()));
			practice.lists = new int[EXTRACTS.size()];
			for (int extract = 0; extract < EXTRACTS.size(); extract++) {
				practice.lists[extract] = (int) Math.round(practice.listSize / Math.pow(1 + growth, latest - extract));
			}
			practice.bands = AgeStructure.split(practice.listSize, practice.profile, draw);
		}
		List<Practice> absorbing = open.stream().filter(practice -> practice.listSize >= 3_000).toList();
		for (Practice closed : practices) {
			if (!"C".equals(closed.status)) {
				continue;
			}
			closed.lists = new int[EXTRACTS.size()];
			List<Practice> receivers = new ArrayList<>();
			long receiving = 0;
			// enough receivers that none loses more than half its list when going back in time
			for (int pick = 0; pick < 12 && receiving < 2L * closed.listSize && !absorbing.isEmpty(); pick++) {
				Practice receiver = absorbing.get(draw.nextInt(absorbing.size()));
				if (!receivers.contains(receiver)) {
					receivers.add(receiver);
					receiving += receiver.listSize;
				}
			}
			for (int extract = 0; extract < latest; extract++) {
				if (!EXTRACTS.get(extract).isBefore(closed.closeDate)) {
					closed.lists[extract] = -1;
					continue;
				}
				closed.lists[extract] = (int) Math.round(closed.listSize * (1 - 0.02 * extract));
				for (Practice receiver : receivers) {
					receiver.lists[extract] -= (int) Math.round(closed.lists[extract] * 0.95 * receiver.listSize / receiving);
				}
			}
			closed.lists[latest] = -1;
		}
	}

	private String practiceBlock(char letter) {
		int used = practiceBlocks.merge(letter, 1, Integer::sum) - 1;
		int number = used < 19 ? 81 + used : 80 - (used - 19);
		return letter + String.valueOf(number);
	}

	private OtherSetting otherSetting(Random draw) {
		int total = OTHER_SETTINGS.stream().mapToInt(OtherSetting::weight).sum();
		int roll = draw.nextInt(total);
		for (OtherSetting setting : OTHER_SETTINGS) {
			roll -= setting.weight();
			if (roll < 0) {
				return setting;
			}
		}
		throw new IllegalStateException("weights do not add up");
	}

	// --- the files ------------------------------------------------------------------------------------------------

	private static String regionsCsv() {
		StringBuilder out = new StringBuilder();
		for (England.Region region : England.REGIONS) {
			odsRow(out, region.code(), region.name(), "", "", "NHS ENGLAND", "", region.town(), "", "", region.postcode(),
					ods(ESTABLISHED), "", "A");
		}
		return out.toString();
	}

	private static String areaTeamsCsv(List<England.AreaTeam> teams) {
		StringBuilder out = new StringBuilder();
		for (England.AreaTeam team : teams) {
			odsRow(out, team.code(), team.name() + " AREA TEAM", team.region(), "", "NHS ENGLAND", "", "", "", "",
					team.postcodeAreas().get(0) + "1 " + (team.code().charAt(2) - '0') + "NE", ods(ESTABLISHED), "", "A");
		}
		return out.toString();
	}

	private static String csusCsv(List<Csu> csus) {
		StringBuilder out = new StringBuilder();
		for (Csu csu : csus) {
			odsRow(out, csu.code(), csu.name(), "", "", "", "", csu.town(), "", "", csu.postcode(), ods(ESTABLISHED), "",
					"A");
		}
		return out.toString();
	}

	private static String ccgsCsv(List<Ccg> ccgs, Merger merger) {
		StringBuilder out = new StringBuilder();
		List<Ccg> byCode = new ArrayList<>(ccgs);
		byCode.sort(Comparator.comparing(Ccg::code));
		for (Ccg ccg : byCode) {
			boolean closed = merger != null && merger.predecessors().contains(ccg);
			odsRow(out, ccg.code(), ccg.name(), ccg.team().region(), ccg.team().code(), ccg.place() + " CCG OFFICES",
					"", ccg.towns().get(0), "", "", ccg.postcodeArea() + ccg.districtBase() + " 1AA", ods(ESTABLISHED),
					closed ? ods(MERGED_ON.minusDays(1)) : "", closed ? "C" : "A");
		}
		if (merger != null) {
			// The successor's offices are its first predecessor's; listed after the 2013 codes, as ODS adds new rows.
			Ccg first = merger.predecessors().get(0);
			odsRow(out, MERGED_CODE, MERGED_NAME, merger.team().region(), merger.team().code(),
					first.place() + " CCG OFFICES", "", first.towns().get(0), "", "",
					first.postcodeArea() + first.districtBase() + " 1AA", ods(MERGED_ON), "", "A");
		}
		return out.toString();
	}

	/** Each practice with its commissioner today: a practice of a merged CCG that was open then is its successor's. */
	private static String epraccurCsv(List<Practice> practices, Merger merger) {
		StringBuilder out = new StringBuilder(practices.size() * 260);
		for (Practice practice : practices) {
			boolean moved = merger != null && merger.moved(practice);
			String ccg = moved ? MERGED_CODE : practice.ccg().code();
			String left = practice.closeDate == null ? "" : ods(practice.closeDate);
			List<String> address = practice.address;
			odsRow(out, practice.code(), practice.name, practice.ccg().team().region(), practice.ccg().team().code(),
					address.get(0), address.get(1), address.get(2), address.get(3), address.get(4), practice.postcode,
					ods(practice.openDate), left, practice.status, "B", ccg, ods(moved ? MERGED_ON : ESTABLISHED), left,
					practice.telephone, "", "", "", "0", "", ccg, "", String.valueOf(practice.setting), "");
		}
		return out.toString();
	}

	/**
	 * ODS's membership history ({@code epcmem.csv}: practice, commissioner, W, start, end, flag; no header) for the
	 * practices of the merged CCGs: each in its 2013 CCG until the merger (or its closing), then in the new CCG.
	 */
	private static String epcmemCsv(List<Practice> practices, Merger merger) {
		StringBuilder out = new StringBuilder();
		for (Practice practice : practices) {
			if (!merger.predecessors().contains(practice.ccg())) {
				continue;
			}
			boolean moved = merger.moved(practice);
			LocalDate end = moved ? MERGED_ON.minusDays(1) : practice.closeDate;
			membershipRow(out, practice.code(), practice.ccg().code(), ESTABLISHED, end);
			if (moved) {
				membershipRow(out, practice.code(), MERGED_CODE, MERGED_ON, null);
			}
		}
		return out.toString();
	}

	private static void membershipRow(StringBuilder out, String practice, String commissioner, LocalDate start,
			LocalDate end) {
		out.append('"').append(practice).append("\",\"").append(commissioner).append("\",\"W\",\"").append(ods(start))
			.append("\",\"").append(end == null ? "" : ods(end)).append("\",\"0\"\r\n");
	}

	/** ODS's successor file ({@code succ.csv}: old code, new code, reason, effective date, indicator; no header). */
	private static String succCsv(Merger merger) {
		StringBuilder out = new StringBuilder();
		for (Ccg ccg : merger.predecessors()) {
			out.append('"').append(ccg.code()).append("\",\"").append(MERGED_CODE).append("\",\"\",\"")
				.append(ods(MERGED_ON)).append("\",\"0\"\r\n");
		}
		return out.toString();
	}

	private static String patientsCsv(List<Practice> practices, int extract, boolean bands) {
		StringBuilder out = new StringBuilder(bands ? practices.size() * 41 * 70 : practices.size() * 80);
		out.append(PATIENTS_HEADER);
		String date = extractDate(EXTRACTS.get(extract));
		for (Practice practice : practices) {
			if (practice.lists == null || practice.lists[extract] < 0) {
				continue;
			}
			String prefix = "GP_PRAC_PAT_LIST," + date + ",GP," + practice.ccg().code() + "," + practice.ccg().onsCode + ","
					+ practice.code() + "," + practice.postcode + ",";
			out.append(prefix).append("ALL,ALL,").append(practice.lists[extract]).append('\n');
			if (bands) {
				for (int sex = 0; sex < 2; sex++) {
					for (int band = 0; band < AgeStructure.BANDS.size(); band++) {
						out.append(prefix)
							.append(sex == 0 ? "MALE," : "FEMALE,")
							.append(AgeStructure.BANDS.get(band))
							.append(',')
							.append(practice.bands[sex][band])
							.append('\n');
					}
				}
			}
		}
		return out.toString();
	}

	/** One ODS row: every field quoted, 27 columns, the ones not given empty. */
	private static void odsRow(StringBuilder out, String... fields) {
		for (int column = 0; column < 27; column++) {
			if (column > 0) {
				out.append(',');
			}
			String field = column < fields.length ? fields[column] : "";
			out.append('"').append(field.replace("\"", "\"\"")).append('"');
		}
		out.append('\n');
	}

	private static String ods(LocalDate date) {
		return date.format(ODS_DATE);
	}

	static String extractDate(LocalDate date) {
		return date.format(EXTRACT_DATE).toUpperCase(Locale.ENGLISH);
	}

	private static DemoFile file(DemoFile.Kind kind, String name, String content) {
		return new DemoFile(kind, name, content.getBytes(StandardCharsets.UTF_8));
	}

	// --- the public view -----------------------------------------------------------------------------------------

	private static List<DemoOrganisation> organisations(List<England.AreaTeam> teams, List<Csu> csus, List<Ccg> ccgs,
			List<Practice> practices, Merger merger) {
		List<DemoOrganisation> organisations = new ArrayList<>();
		for (England.Region region : England.REGIONS) {
			organisations.add(new DemoOrganisation(region.code(), region.name(), OrganisationType.REGION, "X24", "A", null,
					null));
		}
		for (England.AreaTeam team : teams) {
			organisations.add(new DemoOrganisation(team.code(), team.name() + " AREA TEAM", OrganisationType.AREA_TEAM,
					team.region(), "A", null, null));
		}
		for (Csu csu : csus) {
			organisations.add(new DemoOrganisation(csu.code(), csu.name(), OrganisationType.CSU, "X24", "A", null, null));
		}
		for (Ccg ccg : ccgs) {
			boolean closed = merger != null && merger.predecessors().contains(ccg);
			organisations.add(new DemoOrganisation(ccg.code(), ccg.name(), OrganisationType.CCG, ccg.team().code(),
					closed ? "C" : "A", null, null));
		}
		if (merger != null) {
			organisations.add(new DemoOrganisation(MERGED_CODE, MERGED_NAME, OrganisationType.CCG, merger.team().code(),
					"A", null, null));
		}
		for (Practice practice : practices) {
			organisations.add(new DemoOrganisation(practice.code(), practice.name, OrganisationType.GP_PRACTICE,
					practice.ccg().code(), practice.status, practice.setting,
					practice.isOpenGpPractice() ? practice.listSize : null));
		}
		return organisations;
	}

	// --- helpers --------------------------------------------------------------------------------------------------

	private static <T> T atOrLast(List<T> values, int index) {
		return values.get(Math.min(index, values.size() - 1));
	}

	private static <T> T pick(List<T> values, Random draw) {
		return values.get(draw.nextInt(values.size()));
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}

	/** Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9). */
	static double inverseNormal(double p) {
		double[] a = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
				-3.066479806614716e+01, 2.506628277459239e+00 };
		double[] b = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
				-1.328068155288572e+01 };
		double[] c = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
				4.374664141464968e+00, 2.938163982698783e+00 };
		double[] d = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00 };
		double low = 0.02425;
		if (p < low) {
			double q = Math.sqrt(-2 * Math.log(p));
			return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
					/ ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
		}
		if (p > 1 - low) {
			return -inverseNormal(1 - p);
		}
		double q = p - 0.5;
		double r = q * q;
		return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
				/ (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	}

	private record OtherSetting(int setting, int weight, String pattern) {
	}

	/** The CCGs that merged into {@link #MERGED_CODE}, oldest code first. */
	private record Merger(England.AreaTeam team, List<Ccg> predecessors) {

		/** A practice that was still open at the merger moved to the new CCG; one that had closed stayed in its own. */
		boolean moved(Practice practice) {
			return predecessors.contains(practice.ccg())
					&& (practice.closeDate == null || !practice.closeDate.isBefore(MERGED_ON));
		}
	}

	private record Csu(String code, String name, String town, String postcode) {
	}

	/** A CCG being drawn; {@code onsCode} and {@code target} (its registered list) are set once all CCGs are known. */
	private static final class Ccg {

		private final String code;

		private final String name;

		private final England.AreaTeam team;

		private final String entry;

		private final List<String> towns;

		private final String postcodeArea;

		private final String diallingCode;

		private final int districtBase;

		private String onsCode;

		private long target;

		Ccg(String code, String name, England.AreaTeam team, String entry, List<String> towns, String postcodeArea,
				String diallingCode, int districtBase) {
			this.code = code;
			this.name = name;
			this.team = team;
			this.entry = entry;
			this.towns = towns;
			this.postcodeArea = postcodeArea;
			this.diallingCode = diallingCode;
			this.districtBase = districtBase;
		}

		String code() {
			return code;
		}

		String name() {
			return name;
		}

		England.AreaTeam team() {
			return team;
		}

		String entry() {
			return entry;
		}

		String place() {
			return England.place(entry);
		}

		List<String> towns() {
			return towns;
		}

		String postcodeArea() {
			return postcodeArea;
		}

		String diallingCode() {
			return diallingCode;
		}

		int districtBase() {
			return districtBase;
		}

		boolean london() {
			return team.region().equals("Y56");
		}
	}

	/** An epraccur row being drawn: a GP practice, open or closed, or another prescribing setting. */
	private static final class Practice {

		private final String code;

		private final Ccg ccg;

		private String name;

		private List<String> address;

		private String town;

		private String postcode;

		private String telephone;

		private LocalDate openDate;

		private LocalDate closeDate;

		private String status;

		private int setting;

		private int listSize;

		private AgeStructure.Profile profile;

		/** The list at each extract, -1 when not listed then; null for settings that have no list. */
		private int[] lists;

		private int[][] bands;

		Practice(String code, Ccg ccg) {
			this.code = code;
			this.ccg = ccg;
		}

		String code() {
			return code;
		}

		Ccg ccg() {
			return ccg;
		}

		boolean isOpenGpPractice() {
			return setting == 4 && "A".equals(status);
		}
	}
}
