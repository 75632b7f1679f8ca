package org.cocommission.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;

import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.UserAccounts;

class DemoDatasetTests {

	/** Generated once: the full country takes about a second. */
	private static final DemoDataset NATIONAL = DemoDataset.generate(1.0);

	private static final Pattern ODS_LINE = Pattern.compile("(\"[^\"]*\",){26}\"[^\"]*\"");

	private static final String PATIENTS_HEADER = "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS";

	@Test
	void generatesTheSameBytesEveryTime() {
		DemoDataset again = DemoDataset.generate(1.0);

		assertThat(again.files()).hasSameSizeAs(NATIONAL.files());
		for (int index = 0; index < again.files().size(); index++) {
			DemoFile first = NATIONAL.files().get(index);
			DemoFile second = again.files().get(index);
			assertThat(second.fileName()).isEqualTo(first.fileName());
			assertThat(Arrays.equals(second.content(), first.content())).as(first.fileName()).isTrue();
		}
	}

	@Test
	void hasTheShapeOfEnglandIn2013AtFullScale() {
		assertThat(NATIONAL.organisations(OrganisationType.REGION)).extracting(DemoOrganisation::code)
			.containsExactly("Y54", "Y55", "Y56", "Y57");
		assertThat(NATIONAL.organisations(OrganisationType.AREA_TEAM)).hasSize(27);
		assertThat(NATIONAL.organisations(OrganisationType.CCG)).filteredOn(ccg -> !ccg.code().equals("15X")).hasSize(211);
		assertThat(NATIONAL.organisations(OrganisationType.CCG)).filteredOn(ccg -> "A".equals(ccg.status())).hasSize(209);
		assertThat(NATIONAL.organisations(OrganisationType.CSU)).hasSize(19);
		assertThat(NATIONAL.openPractices()).hasSizeBetween(7_600, 8_000);
		assertThat(NATIONAL.patients()).isBetween(54_000_000L, 58_000_000L);
	}

	/**
	 * Issues 16 and 19 need a CCG created by a merger: three CCGs of one area team closed on 31 March 2018 and their
	 * open practices moved to a new CCG the next day, in the layouts of ODS's eccg, epraccur, epcmem and succ.
	 */
	@Test
	void mergesThreeCcgsOfOneAreaTeamOnFirstApril2018() {
		DemoMerger merger = NATIONAL.mergers().get(0);
		assertThat(merger.code()).isEqualTo("15X");
		assertThat(merger.name()).isEqualTo("NHS COVENTRY AND WARWICKSHIRE CCG");
		assertThat(merger.effective()).isEqualTo(LocalDate.of(2018, 4, 1));
		assertThat(NATIONAL.organisations(OrganisationType.CCG))
			.filteredOn(ccg -> merger.predecessors().contains(ccg.code()))
			.extracting(DemoOrganisation::name, DemoOrganisation::parentCode, DemoOrganisation::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("NHS COVENTRY AND RUGBY CCG", "Q53", "C"),
					org.assertj.core.groups.Tuple.tuple("NHS SOUTH WARWICKSHIRE CCG", "Q53", "C"),
					org.assertj.core.groups.Tuple.tuple("NHS WARWICKSHIRE NORTH CCG", "Q53", "C"));

		assertThat(text(file("demo-succ.csv")).lines().toList()).containsExactlyElementsOf(merger.predecessors().stream()
			.map(code -> "\"" + code + "\",\"15X\",\"\",\"20180401\",\"0\"")
			.toList());
		List<DemoOrganisation> members = NATIONAL.organisations(OrganisationType.GP_PRACTICE).stream()
			.filter(practice -> merger.predecessors().contains(practice.parentCode()))
			.toList();
		List<CsvRecord> epcmem = parse(text(file("demo-epcmem.csv")));
		long open = members.stream().filter(practice -> "A".equals(practice.status())).count();
		assertThat(epcmem).hasSize(members.size() + (int) open);
		assertThat(epcmem).allSatisfy(record -> assertThat(record.getFieldCount()).isEqualTo(6));
		assertThat(epcmem).filteredOn(record -> record.getField(1).equals("15X"))
			.hasSize((int) open)
			.allSatisfy(record -> assertThat(record.getField(3) + "-" + record.getField(4)).isEqualTo("20180401-"));
		assertThat(parse(text(file("demo-epraccur.csv")))).filteredOn(record -> record.getField(14).equals("15X"))
			.hasSize((int) open);
	}

	/** Issue 22, defect 10: the README's example practice and its user did not exist in the demo. */
	@Test
	void theReadmesExamplesExist() {
		assertThat(NATIONAL.openPractices()).extracting(DemoOrganisation::code).contains("A81001");
		assertThat(NATIONAL.organisations(OrganisationType.GP_PRACTICE)).filteredOn(p -> p.code().equals("A81001"))
			.singleElement()
			.satisfies(practice -> assertThat(NATIONAL.organisations(OrganisationType.CCG))
				.filteredOn(ccg -> ccg.code().equals(practice.parentCode()))
				.singleElement()
				.extracting(DemoOrganisation::parentCode)
				.isEqualTo("Q74"));
		assertThat(NATIONAL.organisations(OrganisationType.AREA_TEAM)).extracting(DemoOrganisation::code).contains("Q74");
		assertThat(NATIONAL.organisations(OrganisationType.CCG)).extracting(DemoOrganisation::code).contains("00K");
		// Sign-in matches usernames in any case, so the README's practice-A81001 is this account.
		assertThat(NATIONAL.demoAccounts()).extracting(account -> account.username())
			.contains("practice-a81001", "area-q74", "ccg-00k");
	}

	@Test
	void keepsTheRealCodesTheReferenceUses() {
		assertThat(NATIONAL.organisations(OrganisationType.CCG))
			.filteredOn(ccg -> ccg.code().equals("00K") || ccg.code().equals("01C"))
			.extracting(DemoOrganisation::name, DemoOrganisation::parentCode)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("NHS HARTLEPOOL AND STOCKTON-ON-TEES CCG", "Q74"),
					org.assertj.core.groups.Tuple.tuple("NHS EASTERN CHESHIRE CCG", "Q44"));
		assertThat(NATIONAL.organisations(OrganisationType.CCG)).allSatisfy(ccg -> assertThat(ccg.code()).matches("[0-9]{2}[A-Z]"));
		assertThat(NATIONAL.organisations(OrganisationType.GP_PRACTICE))
			.allSatisfy(practice -> assertThat(practice.code()).matches("[A-Z][0-9]{5}"));
	}

	@Test
	void spreadsListsLikeEnglandsPracticesAndCcgs() {
		assertThat(NATIONAL.openPractices()).allSatisfy(practice -> assertThat(practice.patients()).isBetween(1_000, 30_000));
		double mean = NATIONAL.openPractices().stream().mapToInt(DemoOrganisation::patients).average().orElseThrow();
		assertThat(mean).isBetween(6_800.0, 7_600.0);
		assertThat(NATIONAL.openPractices()).filteredOn(practice -> practice.patients() < 3_000).hasSizeGreaterThan(300);
		assertThat(NATIONAL.openPractices()).filteredOn(practice -> practice.patients() > 15_000).hasSizeGreaterThan(200);

		Map<String, Long> ccgSizes = ccgSizes(NATIONAL);
		assertThat(ccgSizes).hasSize(211);
		assertThat(ccgSizes.values()).allSatisfy(size -> assertThat(size).isBetween(60_000L, 900_000L));
		assertThat(ccgSizes.values().stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(80_000);
		assertThat(ccgSizes.values().stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(700_000);
	}

	@Test
	void putsEveryPracticeInOneCcgAndEveryCcgInOneAreaTeamOfThreeToFifteen() {
		Set<String> ccgs = codes(NATIONAL, OrganisationType.CCG);
		Set<String> teams = codes(NATIONAL, OrganisationType.AREA_TEAM);
		assertThat(NATIONAL.organisations(OrganisationType.GP_PRACTICE))
			.allSatisfy(practice -> assertThat(ccgs).contains(practice.parentCode()));
		assertThat(NATIONAL.organisations(OrganisationType.CCG))
			.allSatisfy(ccg -> assertThat(teams).contains(ccg.parentCode()));
		Map<String, Long> perTeam = NATIONAL.organisations(OrganisationType.CCG).stream()
			.collect(Collectors.groupingBy(DemoOrganisation::parentCode, Collectors.counting()));
		assertThat(perTeam.values()).allSatisfy(count -> assertThat(count).isBetween(3L, 15L));
	}

	@Test
	void keepsClosedPracticesAndOtherPrescribingSettingsApart() {
		List<DemoOrganisation> rows = NATIONAL.organisations(OrganisationType.GP_PRACTICE);
		long closed = rows.stream().filter(row -> "C".equals(row.status())).count();
		long otherSettings = rows.stream().filter(row -> row.prescribingSetting() != 4).count();

		assertThat((double) closed / rows.size()).isBetween(0.02, 0.04);
		assertThat((double) otherSettings / rows.size()).isBetween(0.03, 0.055);
		assertThat(rows).filteredOn(row -> row.prescribingSetting() != 4)
			.extracting(DemoOrganisation::prescribingSetting)
			.contains(1, 2, 25);
		assertThat(rows).filteredOn(row -> !row.isOpenGpPractice())
			.allSatisfy(row -> assertThat(row.patients()).isNull());
	}

	@Test
	void writesOdsFilesInThePublishedLayout() {
		for (DemoFile file : NATIONAL.files()) {
			if (file.kind().odsFile() == null) {
				continue;
			}
			String text = text(file);
			assertThat(text.lines()).as(file.fileName()).allSatisfy(line -> assertThat(line).matches(ODS_LINE));
			assertThat(parse(text)).allSatisfy(record -> assertThat(record.getFieldCount()).isEqualTo(27));
		}
		List<CsvRecord> epraccur = parse(text(file("demo-epraccur.csv")));
		assertThat(epraccur).hasSize(NATIONAL.organisations(OrganisationType.GP_PRACTICE).size());
		CsvRecord first = epraccur.get(0);
		assertThat(first.getField(10)).matches("[0-9]{8}");
		assertThat(first.getField(13)).isEqualTo("B");
		assertThat(epraccur).allSatisfy(record -> assertThat(record.getField(15))
			.isEqualTo(record.getField(14).equals("15X") ? "20180401" : "20130401"));
		assertThat(first.getField(14)).isEqualTo(first.getField(23));
		assertThat(first.getField(9)).matches("[A-Z]{1,2}[0-9]{1,2} [0-9][A-Z]{2}");
		assertThat(epraccur).filteredOn(record -> record.getField(12).equals("C"))
			.allSatisfy(record -> assertThat(record.getField(11)).isEqualTo(record.getField(16)).matches("2013[0-9]{4}"));

		List<CsvRecord> eccg = parse(text(file("demo-eccg.csv")));
		assertThat(eccg).allSatisfy(record -> {
			assertThat(record.getField(1)).startsWith("NHS ").endsWith(" CCG");
			assertThat(record.getField(2)).matches("Y5[4-7]");
			assertThat(record.getField(3)).matches("Q[0-9]{2}");
			assertThat(record.getField(10)).isEqualTo(record.getField(0).equals("15X") ? "20180401" : "20130401");
			assertThat(record.getField(11) + record.getField(12)).isIn("A", "20180331C");
		});
		assertThat(parse(text(file("demo-area-teams.csv")))).allSatisfy(record -> assertThat(record.getField(2)).matches("Y5[4-7]"));
	}

	@Test
	void writesRegisteredPatientsInThePublishedLayout() {
		List<DemoFile> lists = NATIONAL.files().stream().filter(file -> file.kind() == DemoFile.Kind.REGISTERED_PATIENTS).toList();
		assertThat(lists).extracting(DemoFile::fileName)
			.containsExactly("demo-gp-reg-pat-prac-all-01APR2013.csv", "demo-gp-reg-pat-prac-all-01JUL2013.csv",
					"demo-gp-reg-pat-prac-all-01OCT2013.csv", "demo-gp-reg-pat-prac-quin-age-01JAN2014.csv");
		Map<String, String> ccgOf = NATIONAL.organisations(OrganisationType.GP_PRACTICE).stream()
			.collect(Collectors.toMap(DemoOrganisation::code, DemoOrganisation::parentCode));
		for (DemoFile file : lists) {
			List<CsvRecord> records = parse(text(file));
			assertThat(String.join(",", records.get(0).getFields())).isEqualTo(PATIENTS_HEADER);
			assertThat(records.subList(1, records.size())).allSatisfy(record -> {
				assertThat(record.getFieldCount()).isEqualTo(10);
				assertThat(record.getField(0)).isEqualTo("GP_PRAC_PAT_LIST");
				assertThat(record.getField(2)).isEqualTo("GP");
				assertThat(record.getField(3)).isEqualTo(ccgOf.get(record.getField(5)));
				assertThat(record.getField(4)).matches("E38[0-9]{6}");
			});
		}
		List<CsvRecord> earliest = parse(text(lists.get(0)));
		assertThat(earliest.subList(1, earliest.size()))
			.allSatisfy(record -> assertThat(record.getField(7) + "," + record.getField(8)).isEqualTo("ALL,ALL"));

		List<CsvRecord> bands = parse(text(lists.get(3)));
		assertThat(bands).hasSize(1 + NATIONAL.openPractices().size() * 41);
		Map<String, Integer> totals = new HashMap<>();
		Map<String, Integer> bandSums = new HashMap<>();
		Set<String> ages = new HashSet<>();
		for (CsvRecord record : bands.subList(1, bands.size())) {
			int patients = Integer.parseInt(record.getField(9));
			if (record.getField(7).equals("ALL")) {
				totals.put(record.getField(5), patients);
			}
			else {
				bandSums.merge(record.getField(5), patients, Integer::sum);
				ages.add(record.getField(8));
			}
		}
		assertThat(bandSums).isEqualTo(totals);
		assertThat(ages).contains("0_4", "85_89", "90_94", "95+").hasSize(20);
	}

	@Test
	void givesEnglandsAgeAndSexStructure() {
		List<CsvRecord> bands = parse(text(file("demo-gp-reg-pat-prac-quin-age-01JAN2014.csv")));
		Map<String, Long> bySexAndAge = new HashMap<>();
		for (CsvRecord record : bands.subList(1, bands.size())) {
			bySexAndAge.merge(record.getField(7) + " " + record.getField(8), Long.parseLong(record.getField(9)), Long::sum);
		}
		long female = sum(bySexAndAge, "FEMALE");
		long male = sum(bySexAndAge, "MALE");

		assertThat((double) female / (female + male)).isBetween(0.500, 0.506);
		assertThat(bySexAndAge.get("FEMALE 85_89")).isGreaterThan(bySexAndAge.get("MALE 85_89") * 3 / 2);
		assertThat(bySexAndAge.get("MALE 0_4")).isGreaterThan(bySexAndAge.get("FEMALE 0_4"));
		double over65 = bySexAndAge.entrySet().stream()
			.filter(entry -> !entry.getKey().endsWith("ALL") && ageFrom(entry.getKey()) >= 65)
			.mapToLong(Map.Entry::getValue)
			.sum() / (double) (female + male);
		assertThat(over65).isBetween(0.15, 0.19);
	}

	@Test
	void growsListsALittleEachQuarter() {
		List<Long> totals = NATIONAL.files().stream()
			.filter(file -> file.kind() == DemoFile.Kind.REGISTERED_PATIENTS)
			.map(file -> parse(text(file)).stream().skip(1)
				.filter(record -> record.getField(7).equals("ALL"))
				.mapToLong(record -> Long.parseLong(record.getField(9)))
				.sum())
			.toList();

		assertThat(totals.get(3)).isEqualTo(NATIONAL.patients());
		for (int quarter = 1; quarter < totals.size(); quarter++) {
			double growth = (double) totals.get(quarter) / totals.get(quarter - 1) - 1;
			assertThat(growth).isBetween(0.0, 0.01);
		}
	}

	@Test
	void scalesDownKeepingFourRegionsAndEveryRule() {
		DemoDataset small = DemoDataset.generate(0.05);

		assertThat(small.organisations(OrganisationType.REGION)).hasSize(4);
		assertThat(small.organisations(OrganisationType.AREA_TEAM)).extracting(DemoOrganisation::parentCode)
			.containsExactlyInAnyOrder("Y54", "Y55", "Y56", "Y57");
		assertThat(small.organisations(OrganisationType.CCG)).hasSize(12);
		assertThat(small.mergers()).singleElement().extracting(DemoMerger::code).isEqualTo("15X");
		assertThat(DemoDataset.generate(0.02).mergers()).isEmpty();
		assertThat(small.openPractices()).hasSizeBetween(330, 480);
		Set<String> ccgs = codes(small, OrganisationType.CCG);
		Set<String> teams = codes(small, OrganisationType.AREA_TEAM);
		assertThat(small.organisations(OrganisationType.GP_PRACTICE)).allSatisfy(row -> assertThat(ccgs).contains(row.parentCode()));
		assertThat(small.organisations(OrganisationType.CCG)).allSatisfy(row -> assertThat(teams).contains(row.parentCode()));
		assertThat(small.openPractices()).allSatisfy(practice -> assertThat(practice.patients()).isBetween(1_000, 30_000));
	}

	@Test
	void refusesAScaleOutsideZeroToOne() {
		assertThatThrownBy(() -> DemoDataset.generate(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> DemoDataset.generate(1.5)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void opensOneDemoAccountPerAreaTeamCcgAndOpenPractice() {
		List<UserAccounts.DemoAccount> accounts = NATIONAL.demoAccounts();

		assertThat(accounts).hasSize(1 + 27 + 212 + NATIONAL.openPractices().size());
		assertThat(accounts).extracting(UserAccounts.DemoAccount::username).doesNotHaveDuplicates()
			.contains("national", "area-q74", "ccg-00k");
		assertThat(accounts).filteredOn(account -> account.username().equals("ccg-00k")).singleElement()
			.satisfies(account -> {
				assertThat(account.email()).isEqualTo("ccg-00k@demo.cocommission.example");
				assertThat(account.organisationCode()).isEqualTo("00K");
				assertThat(account.displayName()).isEqualTo("CCG 00K commissioner");
			});
	}

	private static Map<String, Long> ccgSizes(DemoDataset dataset) {
		return dataset.openPractices().stream()
			.collect(Collectors.groupingBy(DemoOrganisation::parentCode, Collectors.summingLong(DemoOrganisation::patients)));
	}

	private static Set<String> codes(DemoDataset dataset, OrganisationType type) {
		return dataset.organisations(type).stream().map(DemoOrganisation::code).collect(Collectors.toSet());
	}

	private static long sum(Map<String, Long> bySexAndAge, String sex) {
		return bySexAndAge.entrySet().stream()
			.filter(entry -> entry.getKey().startsWith(sex + " "))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	private static int ageFrom(String sexAndAge) {
		String age = sexAndAge.substring(sexAndAge.indexOf(' ') + 1);
		return Integer.parseInt(age.replace("+", "").split("_")[0]);
	}

	private static DemoFile file(String name) {
		return NATIONAL.files().stream().filter(file -> file.fileName().equals(name)).findFirst().orElseThrow();
	}

	private static String text(DemoFile file) {
		return new String(file.content(), StandardCharsets.UTF_8);
	}

	private static List<CsvRecord> parse(String text) {
		return CsvReader.builder().ofCsvRecord(new StringReader(text)).stream().toList();
	}
}
