package org.cocommission.outcomes.compute;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.ImportError;
import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.ObservationImportReport;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.ValueRow;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.cocommission.outcomes.OutcomesTestData.PASSWORD;
import static org.cocommission.outcomes.OutcomesTestData.as;
import static org.cocommission.outcomes.OutcomesTestData.stream;

/**
 * One attribution rule (issue 16, item 2): a practice's observation belongs to the CCG it belonged to on the period's
 * last day, or for a practice that closed within the period to its last CCG; so every level sums to England, over
 * generated directories with openings, closures and moves mid-period. A database of its own: the directories are
 * written straight into the directory's tables, dated as no published file would date them all at once.
 */
@SpringBootTest(properties = "cocommission.test.context=outcomes-attribution")
@AutoConfigureMockMvc
class AttributionTests {

	private static final String HEADER = "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n";

	private static final List<String> PERIODS = List.of("2015/16", "2016/17", "2017/18", "2018/19", "2019/20", "2017-06",
			"2018-03", "2019-Q3");

	private final JdbcClient jdbc;

	private final UserDetailsService users;

	private final ObservationImports imports;

	private final OutcomesValues values;

	private final UserAccounts accounts;

	private final DirectoryImports directoryImports;

	private final org.cocommission.outcomes.read.OutcomesTrends trends;

	private final org.cocommission.outcomes.Indicators indicators;

	private final org.cocommission.directory.Directory directory;

	@Autowired
	private MockMvc mvc;

	@Autowired
	AttributionTests(JdbcClient jdbc, UserDetailsService users, ObservationImports imports, OutcomesValues values,
			UserAccounts accounts, DirectoryImports directoryImports, org.cocommission.outcomes.read.OutcomesTrends trends,
			org.cocommission.outcomes.Indicators indicators, org.cocommission.directory.Directory directory) {
		this.directory = directory;
		this.trends = trends;
		this.indicators = indicators;
		this.directoryImports = directoryImports;
		this.jdbc = jdbc;
		this.users = users;
		this.imports = imports;
		this.values = values;
		this.accounts = accounts;
	}

	@BeforeEach
	void empty() {
		for (String table : List.of("outcomes_slice", "outcomes_value", "outcomes_decile", "outcomes_range",
				"outcomes_period")) {
			jdbc.sql("delete from " + table).update();
		}
		jdbc.sql("delete from directory_registered_patients where practice_code like 'G%'").update();
		jdbc.sql("delete from directory_relationship where child_code like 'G%' or child_code like 'QG%'"
				+ " or child_code like 'YG%'").update();
		jdbc.sql("delete from directory_organisation where code like 'G%' or code like 'QG%' or code like 'YG%'").update();
		jdbc.sql("delete from directory_succession where old_code like 'G%'").update();
		jdbc.sql("delete from outcomes_slice_placement").update();
		if (jdbc.sql("select count(*) from identity_user_account where username = 'attribution-national'")
			.query(Long.class)
			.single() == 0) {
			accounts.create(new NewUser("attribution-national", "National", null, Role.NATIONAL, "X24", PASSWORD));
		}
	}

	@Test
	void aPracticeThatOpensMovesOrClosesMidYearCountsInTheCcgItBelongedToOnTheLastDay() {
		structure(2, 2);
		practice("G00001", LocalDate.of(2019, 9, 1), null, "G01");
		practice("G00002", LocalDate.of(2013, 4, 1), null, "G01", LocalDate.of(2019, 10, 1), "G02");
		practice("G00003", LocalDate.of(2013, 4, 1), LocalDate.of(2019, 12, 31), "G02");
		practice("G00004", LocalDate.of(2013, 4, 1), LocalDate.of(2020, 1, 31), "G01", LocalDate.of(2019, 11, 1), "G02");
		load(HEADER + """
				G00001,PRAC-FLU65,2019/20,10,100
				G00002,PRAC-FLU65,2019/20,20,100
				G00003,PRAC-FLU65,2019/20,30,100
				G00004,PRAC-FLU65,2019/20,40,100
				""");
		Map<String, ValueRow> ccgs = byCode(OutcomesLevel.CCG, "2019/20");
		// Opened in September (on 1 April it was in no CCG): its CCG on 31 March, G01.
		// Moved in October: its CCG on 31 March, G02. Closed in December: its last CCG, G02. Moved, then closed: G02.
		assertThat(ccgs.get("G01").numerator()).isEqualTo(10);
		assertThat(ccgs.get("G02").numerator()).isEqualTo(20 + 30 + 40);
		Map<String, ValueRow> practices = byCode(OutcomesLevel.PRACTICE, "2019/20");
		assertThat(practices.get("G00001").parentCode()).isEqualTo("G01");
		assertThat(practices.get("G00002").parentCode()).isEqualTo("G02");
		assertThat(practices.get("G00003").parentCode()).isEqualTo("G02");
		assertThat(practices.get("G00004").parentCode()).isEqualTo("G02");
	}

	@Test
	void everyLevelSumsToEnglandOverGeneratedDirectoriesWithOpeningsClosuresAndMoves() {
		for (long seed = 1; seed <= 3; seed++) {
			empty();
			Random random = new Random(seed);
			int ccgs = 3 + random.nextInt(4);
			structure(ccgs, 2);
			StringBuilder csv = new StringBuilder(HEADER);
			for (int p = 1; p <= 60; p++) {
				String code = "G%05d".formatted(p);
				LocalDate opened = LocalDate.of(2013, 4, 1).plusDays(random.nextInt(365 * 6));
				LocalDate closed = random.nextInt(4) == 0 ? opened.plusDays(30 + random.nextInt(365 * 3)) : null;
				List<Object> moves = new ArrayList<>();
				moves.add("G%02d".formatted(1 + random.nextInt(ccgs)));
				LocalDate at = opened;
				for (int move = random.nextInt(4); move > 0; move--) {
					at = at.plusDays(20 + random.nextInt(500));
					if (closed != null && !at.isBefore(closed)) {
						break;
					}
					moves.add(at);
					moves.add("G%02d".formatted(1 + random.nextInt(ccgs)));
				}
				practice(code, opened, closed, moves.toArray());
				for (String period : PERIODS) {
					org.cocommission.outcomes.imports.Period dates = org.cocommission.outcomes.imports.Period.parse(period);
					boolean open = !opened.isAfter(dates.ends()) && (closed == null || !closed.isBefore(dates.starts()));
					if (open) {
						int denominator = 50 + random.nextInt(1000);
						csv.append(code).append(",PRAC-FLU65,").append(period).append(',')
							.append(random.nextInt(denominator + 1)).append(',').append(denominator).append('\n');
					}
				}
			}
			ObservationImportReport report = load(csv.toString());
			assertThat(report.warnings()).isEmpty();
			for (String period : PERIODS) {
				ValueRow england = byCode(OutcomesLevel.ENGLAND, period).get("X24");
				for (OutcomesLevel level : List.of(OutcomesLevel.CCG, OutcomesLevel.AREA_TEAM, OutcomesLevel.REGION,
						OutcomesLevel.PRACTICE)) {
					List<ValueRow> rows = as(users, "attribution-national",
							() -> values.values("PRAC-FLU65", level, period, null));
					assertThat(rows.stream().mapToDouble(ValueRow::numerator).sum())
						.as("seed %d, %s, %s numerators", seed, period, level)
						.isCloseTo(england.numerator(), within(1e-6));
					assertThat(rows.stream().mapToDouble(ValueRow::denominator).sum())
						.as("seed %d, %s, %s denominators", seed, period, level)
						.isCloseTo(england.denominator(), within(1e-6));
				}
				// Each practice's CCG on read is the one it was summed into.
				Map<String, Double> byParent = new HashMap<>();
				as(users, "attribution-national", () -> values.values("PRAC-FLU65", OutcomesLevel.PRACTICE, period, null))
					.forEach(row -> byParent.merge(row.parentCode(), row.numerator(), Double::sum));
				long currentSeed = seed;
				byCode(OutcomesLevel.CCG, period).forEach((ccg, row) -> assertThat(byParent.get(ccg))
					.as("seed %d, %s, %s", currentSeed, period, ccg)
					.isEqualTo(row.numerator()));
			}
		}
	}

	@Test
	void anObservationOfAPracticeInNoCcgDuringThePeriodIsAStoredWarning() {
		structure(1, 1);
		practice("G00001", LocalDate.of(2013, 4, 1), null, "G01");
		practice("G00002", LocalDate.of(2013, 4, 1), LocalDate.of(2016, 3, 31), "G01");
		ObservationImportReport report = load(HEADER + """
				G00001,PRAC-FLU65,2019/20,10,100
				G00002,PRAC-FLU65,2019/20,20,100
				""");
		assertThat(report.stored()).isEqualTo(2);
		assertThat(report.warnings()).extracting(ImportError::row).containsExactly(3L);
		assertThat(report.warnings().get(0).message()).contains("G00002 belonged to no CCG during 2019/20");
		assertThat(byCode(OutcomesLevel.ENGLAND, "2019/20").get("X24").numerator()).isEqualTo(30);
		assertThat(byCode(OutcomesLevel.CCG, "2019/20").get("G01").numerator()).isEqualTo(10);
	}

	@Test
	void aCcgWithNoAreaTeamStillHasItsCcgLevelValues() {
		org("G09", "CCG", "NHS LONE CCG", LocalDate.of(2013, 4, 1), null);
		load(HEADER + "G09,CCGOIS-1.1,2019/20,500,24000\n");
		ValueRow lone = byCode(OutcomesLevel.CCG, "2019/20").get("G09");
		assertThat(lone).isNotNull();
		assertThat(lone.numerator()).isEqualTo(500);
		assertThat(lone.parentCode()).isNull();
	}

	@Test
	void historyReMappedOntoAThreeWayMergerIsOneSeriesBuiltFromItsPractices() {
		threeWayMerger();
		org.cocommission.outcomes.Structure merged = new org.cocommission.outcomes.Structure(LocalDate.of(2021, 1, 1));
		for (String period : List.of("2018/19", "2019/20", "2020/21")) {
			Map<String, ValueRow> ccgs = byCode(OutcomesLevel.CCG, period, merged);
			assertThat(ccgs.get("G04").numerator()).as(period).isEqualTo(10 + 20 + 30 + 50 + 60);
			assertThat(ccgs.get("G04").parentCode()).isEqualTo("QG2");
			assertThat(byCode(OutcomesLevel.AREA_TEAM, period, merged).get("QG2").numerator())
				.isEqualTo(10 + 20 + 30 + 50 + 60);
			assertThat(byCode(OutcomesLevel.AREA_TEAM, period, merged).values().stream()
				.mapToDouble(ValueRow::numerator).sum()).isEqualTo(ccgs.values().stream().mapToDouble(ValueRow::numerator).sum());
			assertThat(byCode(OutcomesLevel.ENGLAND, period, merged).get("X24").numerator())
				.isEqualTo(byCode(OutcomesLevel.ENGLAND, period).get("X24").numerator());
			assertThat(as(users, "attribution-national", () -> values.values("PRAC-FLU65", OutcomesLevel.PRACTICE,
					period, "G04", merged))).extracting(ValueRow::orgCode)
				.containsExactly("G00001", "G00002", "G00003", "G00005", "G00006");
		}
		// The practice that closed before the merger stays in its last CCG.
		assertThat(byCode(OutcomesLevel.CCG, "2018/19", merged).get("G02").numerator()).isEqualTo(40);
		assertThat(byCode(OutcomesLevel.CCG, "2018/19", merged).get("G02").orgName()).isEqualTo("NHS GENERATED CCG 2");
		// As it was: the three CCGs apart until the merger.
		Map<String, ValueRow> asWas = byCode(OutcomesLevel.CCG, "2019/20", org.cocommission.outcomes.Structure.AS_WAS);
		assertThat(asWas.get("G01").numerator()).isEqualTo(10 + 50);
		assertThat(asWas.get("G02").numerator()).isEqualTo(20 + 40 + 60);
		assertThat(asWas).doesNotContainKey("G04");
	}

	/**
	 * Issue 16: one rule, the directory's, for a practice in two CCGs on one day (epcmem.csv can publish it): the
	 * membership that began latest. G00001 joined G02 on 1 October 2019 while its G01 membership was never ended; on
	 * 31 March 2020 it is G02's for the directory and for 2019/20's values alike. Before, the directory said G01.
	 */
	@Test
	void aPracticeInTwoCcgsOnOneDayIsInTheOneItJoinedLastForOutcomesAndTheDirectory() {
		structure(2, 1);
		org("G00001", "GP_PRACTICE", "GENERATED PRACTICE G00001", LocalDate.of(2013, 4, 1), null);
		link("G00001", "G01", LocalDate.of(2013, 4, 1), null);
		link("G00001", "G02", LocalDate.of(2019, 10, 1), null);
		load(HEADER + "G00001,PRAC-FLU65,2019/20,10,100\n");

		assertThat(directory.commissionerOn("G00001", LocalDate.of(2019, 9, 30))).contains("G01");
		assertThat(directory.commissionerOn("G00001", LocalDate.of(2020, 3, 31))).contains("G02");
		assertThat(directory.commissionersOn(LocalDate.of(2020, 3, 31))).containsEntry("G00001", "G02");
		assertThat(byCode(OutcomesLevel.CCG, "2019/20").get("G02").numerator()).isEqualTo(10);
		assertThat(byCode(OutcomesLevel.CCG, "2019/20").get("G01")).satisfiesAnyOf(
				row -> assertThat(row).isNull(), row -> assertThat(row.numerator()).isZero());
		assertThat(byCode(OutcomesLevel.PRACTICE, "2019/20").get("G00001").parentCode()).isEqualTo("G02");
	}

	/** G01, G02 and G03 (area QG1) merge into G04 (area QG2) on 1 April 2020; G00004 closed in G02 in 2019. */
	private void threeWayMerger() {
		structure(3, 1);
		org("QG2", "AREA_TEAM", "GENERATED AREA 2", LocalDate.of(2013, 4, 1), null);
		link("QG2", "YG1", LocalDate.of(2013, 4, 1), null);
		org("G04", "CCG", "NHS MERGED CCG", LocalDate.of(2020, 4, 1), null);
		link("G04", "QG2", LocalDate.of(2020, 4, 1), null);
		LocalDate merger = LocalDate.of(2020, 4, 1);
		practice("G00001", LocalDate.of(2013, 4, 1), null, "G01", merger, "G04");
		practice("G00002", LocalDate.of(2013, 4, 1), null, "G02", merger, "G04");
		practice("G00003", LocalDate.of(2013, 4, 1), null, "G03", merger, "G04");
		practice("G00004", LocalDate.of(2013, 4, 1), LocalDate.of(2019, 6, 30), "G02");
		practice("G00005", LocalDate.of(2013, 4, 1), null, "G01", merger, "G04");
		practice("G00006", LocalDate.of(2013, 4, 1), null, "G02", merger, "G04");
		StringBuilder csv = new StringBuilder(HEADER);
		for (String period : List.of("2018/19", "2019/20", "2020/21")) {
			for (int p = 1; p <= 6; p++) {
				if (p != 4 || !period.equals("2020/21")) {
					csv.append("G0000").append(p).append(",PRAC-FLU65,").append(period).append(',').append(10 * p)
						.append(",100\n");
				}
			}
		}
		load(csv.toString());
	}

	/**
	 * Issue 16, item 4: a league table in a chosen structure gives each row its trend over that structure's series.
	 * G04, formed in 2020, has no stored value before 2020/21, so its trend read from the stored values was not tested.
	 */
	@Test
	void leagueTrendsFollowTheChosenStructure() {
		threeWayMerger();
		org.cocommission.outcomes.Structure merged = new org.cocommission.outcomes.Structure(LocalDate.of(2021, 1, 1));
		org.cocommission.outcomes.Indicator indicator = indicators.get("PRAC-FLU65");

		Map<String, org.cocommission.outcomes.read.TrendPair> league = as(users, "attribution-national",
				() -> trends.league(indicator, OutcomesLevel.CCG, "2020/21",
						values.values("PRAC-FLU65", OutcomesLevel.CCG, "2020/21", null, merged), merged));

		assertThat(league.get("G04").sincePrevious()).satisfies(trend -> {
			assertThat(trend.orgCode()).isEqualTo("G04");
			assertThat(trend.fromPeriod()).isEqualTo("2019/20");
			assertThat(trend.direction()).isNotEqualTo(org.cocommission.outcomes.statistics.TrendDirection.NOT_TESTED);
		});
		assertThat(league.get("G04").sinceFirst().fromPeriod()).isEqualTo("2018/19");
		assertThat(league.get("G04").sinceFirst().direction())
			.isNotEqualTo(org.cocommission.outcomes.statistics.TrendDirection.NOT_TESTED);
	}

	/**
	 * Issue 16, item 4: a CCG's spine in a chosen structure takes the CCG's value, its peers and the range of all CCGs
	 * from that structure. On 1 January 2020, before the merger, G01 has a re-mapped 2020/21 value (its practices',
	 * 10 + 50 of 200, 30%) and its peers are G02 (80 of 200, 40%) and G03 (30 of 100, 30%), the CCGs of that day with
	 * lists at the extract of January 2021. Before, the spine read the stored values and peer groups whatever the
	 * structure: G01's latest stored period (2019/20) and no peers, as G01 has no practices at the extract.
	 */
	@Test
	void theSpineFollowsTheChosenStructure() throws Exception {
		threeWayMerger();
		LocalDate extract = LocalDate.of(2021, 1, 1);
		for (int p = 1; p <= 6; p++) {
			if (p != 4) {
				for (String sex : List.of("MALE", "FEMALE")) {
					jdbc.sql("insert into directory_registered_patients (practice_code, extract_date, sex, age_band,"
							+ " patients) values (?, ?, ?, '40_44', ?)")
						.params("G0000" + p, extract, sex, 1000 * p)
						.update();
				}
			}
		}

		mvc.perform(get("/api/v1/outcomes/spine/G01").param("structure", "2020-01-01")
			.with(httpBasic("attribution-national", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].period").value("2020/21"))
			.andExpect(jsonPath("$[0].ccg.numerator").value(60.0))
			.andExpect(jsonPath("$[0].peerMin").value(30.0))
			.andExpect(jsonPath("$[0].peerMax").value(40.0))
			.andExpect(jsonPath("$[0].peerAverage").value(closeTo(100.0 * 110 / 300, 1e-9)))
			.andExpect(jsonPath("$[0].ccgMax").value(40.0));
		// Not asked for a structure: the stored values (G01's last as it was, 2019/20) and the stored peer groups.
		mvc.perform(get("/api/v1/outcomes/spine/G01").with(httpBasic("attribution-national", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].period").value("2019/20"))
			.andExpect(jsonPath("$[0].peerMin").value(nullValue()));
		jakarta.servlet.http.Cookie session = mvc.perform(formLogin().user("attribution-national").password(PASSWORD))
			.andReturn().getResponse().getCookie("SESSION");
		mvc.perform(get("/outcomes/ccgs/G01").param("structure", "2020-01-01").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("re-mapped onto the organisations of 1 January 2020")))
			.andExpect(content().string(containsString("<td class=\"nhsuk-table__cell\">2020/21</td>")))
			.andExpect(content().string(containsString("30.00 to 40.00")));
		mvc.perform(get("/outcomes/ccgs/G01/spine.csv").param("structure", "2020-01-01").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2020/21")));
	}

	/**
	 * Issue 16, item 4 (docs/domain-rules.md#outcomes, "Alerts in a chosen structure"): the stored alerts are raised
	 * as it was; a structure's alerts are the same rule on the re-mapped values, computed on read. The five practices
	 * of G04 fall from 34% to 1% in 2020/21: as raised no CCG alert (G04 has no 2019/20 value as it was, G01-G03 no
	 * 2020/21 value); re-mapped onto 1 January 2021, G04 became significantly worse. Before, no list showed it.
	 */
	@Test
	void alertsFollowTheChosenStructure() throws Exception {
		jdbc.sql("delete from outcomes_alert").update();
		threeWayMerger();
		load(HEADER + """
				G00001,PRAC-FLU65,2020/21,1,100
				G00002,PRAC-FLU65,2020/21,1,100
				G00003,PRAC-FLU65,2020/21,1,100
				G00005,PRAC-FLU65,2020/21,1,100
				G00006,PRAC-FLU65,2020/21,1,100
				""");
		assertThat(jdbc.sql("select count(*) from outcomes_alert where level = 'CCG'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from outcomes_alert where level = 'PRACTICE'").query(Long.class).single())
			.isEqualTo(5);

		mvc.perform(get("/api/v1/outcomes/alerts").param("level", "ccg").param("structure", "2021-01-01")
			.with(httpBasic("attribution-national", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].orgCode").value("G04"))
			.andExpect(jsonPath("$.items[0].reason").value("SIGNIFICANTLY_WORSE"))
			.andExpect(jsonPath("$.items[0].previousPeriod").value("2019/20"))
			.andExpect(jsonPath("$.items[0].previousValue").value(closeTo(34.0, 1e-9)))
			.andExpect(jsonPath("$.items[0].value").value(closeTo(1.0, 1e-9)))
			.andExpect(jsonPath("$.items[0].structure").value("2021-01-01"))
			.andExpect(jsonPath("$.items[0].id").doesNotExist());
		// Computed alerts are never acknowledged or withdrawn.
		mvc.perform(get("/api/v1/outcomes/alerts").param("acknowledged", "yes").param("structure", "2021-01-01")
			.with(httpBasic("attribution-national", PASSWORD)))
			.andExpect(jsonPath("$.total").value(0));
		// As raised, and as-was: the stored alerts, with no CCG alert.
		for (String structure : new String[] { "", "as-was" }) {
			mvc.perform(get("/api/v1/outcomes/alerts").param("level", "ccg").param("structure", structure)
				.with(httpBasic("attribution-national", PASSWORD)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(0));
		}
		jakarta.servlet.http.Cookie session = mvc.perform(formLogin().user("attribution-national").password(PASSWORD))
			.andReturn().getResponse().getCookie("SESSION");
		mvc.perform(get("/outcomes/alerts").param("level", "ccg").param("structure", "2021-01-01").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("computed for the organisations of 1 January 2021")))
			.andExpect(content().string(containsString("Computed for this structure")))
			.andExpect(content().string(containsString("id=\"computed-alert-G04-PRAC-FLU65-SIGNIFICANTLY_WORSE\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/acknowledge"))));
		mvc.perform(get("/outcomes/alerts.csv").param("level", "ccg").param("structure", "2021-01-01").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("G04")));
	}

	@Test
	void aMoveBetweenCcgsPublishedInEpcmemRecomputesTheValuesItMoved() {
		structure(2, 2);
		practice("G00001", LocalDate.of(2013, 4, 1), null, "G01");
		practice("G00002", LocalDate.of(2013, 4, 1), null, "G01");
		practice("G00003", LocalDate.of(2013, 4, 1), null, "G02");
		load(HEADER + """
				G00001,PRAC-FLU65,2018/19,10,100
				G00002,PRAC-FLU65,2018/19,20,100
				G00003,PRAC-FLU65,2018/19,30,100
				G00001,PRAC-FLU65,2019/20,11,100
				G00002,PRAC-FLU65,2019/20,21,100
				G00003,PRAC-FLU65,2019/20,31,100
				""");
		assertThat(byCode(OutcomesLevel.CCG, "2019/20").get("G01").numerator()).isEqualTo(11 + 21);

		// ODS's history says G00002 moved to G02 on 1 October 2019, mid-year.
		ActingAs.system(() -> directoryImports.importMemberships("epcmem.csv", stream("""
				"G00002","G01","W","20130401","20190930","0"
				"G00002","G02","W","20191001","","0"
				""")));

		await().atMost(java.time.Duration.ofSeconds(60))
			.until(() -> byCode(OutcomesLevel.CCG, "2019/20").get("G02").numerator() == 21 + 31);
		Map<String, ValueRow> ccgs = byCode(OutcomesLevel.CCG, "2019/20");
		assertThat(ccgs.get("G01").numerator()).isEqualTo(11);
		assertThat(byCode(OutcomesLevel.PRACTICE, "2019/20").get("G00002").parentCode()).isEqualTo("G02");
		assertThat(ccgs.values().stream().mapToDouble(ValueRow::numerator).sum())
			.isEqualTo(byCode(OutcomesLevel.ENGLAND, "2019/20").get("X24").numerator());
		assertThat(byCode(OutcomesLevel.AREA_TEAM, "2019/20").values().stream().mapToDouble(ValueRow::numerator).sum())
			.isEqualTo(11 + 21 + 31);
		// 2018/19 ended before the move: still in G01, and only the moved period was recomputed.
		assertThat(byCode(OutcomesLevel.CCG, "2018/19").get("G01").numerator()).isEqualTo(10 + 20);
		assertThat(jdbc.sql("select count(*) from outcomes_slice_placement").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void reMappingFollowsSuccessorChainsForAPracticeThatClosedBeforeTheMerger() {
		// G01 and G02 merge into G03 on 1 April 2020 (succ.csv); G00002 closed in G02 before, in 2019.
		structure(3, 1);
		LocalDate merger = LocalDate.of(2020, 4, 1);
		jdbc.sql("update directory_organisation set close_date = ?, status = 'C' where code in ('G01', 'G02')")
			.param(merger.minusDays(1))
			.update();
		practice("G00001", LocalDate.of(2013, 4, 1), null, "G01", merger, "G03");
		practice("G00002", LocalDate.of(2013, 4, 1), LocalDate.of(2019, 6, 30), "G02");
		succession("G01", "G03", merger);
		succession("G02", "G03", merger);
		load(HEADER + """
				G00001,PRAC-FLU65,2018/19,10,100
				G00002,PRAC-FLU65,2018/19,20,100
				G02,CCGOIS-1.1,2018/19,500,24000
				""");
		org.cocommission.outcomes.Structure merged = new org.cocommission.outcomes.Structure(LocalDate.of(2021, 1, 1));

		Map<String, ValueRow> ccgs = byCode(OutcomesLevel.CCG, "2018/19", merged);
		assertThat(ccgs.get("G03").numerator()).isEqualTo(10 + 20);
		assertThat(ccgs).doesNotContainKeys("G01", "G02");
		assertThat(as(users, "attribution-national", () -> values.values("CCGOIS-1.1", OutcomesLevel.CCG, "2018/19",
				null, merged))).extracting(ValueRow::orgCode, ValueRow::numerator)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("G03", 500.0));
		// As it was, before the merger: G01 and G02 apart.
		Map<String, ValueRow> asWas = byCode(OutcomesLevel.CCG, "2018/19", org.cocommission.outcomes.Structure.AS_WAS);
		assertThat(asWas.get("G01").numerator()).isEqualTo(10);
		assertThat(asWas.get("G02").numerator()).isEqualTo(20);
	}

	@Test
	void subIcbLocationsRollUpToTheirIcbsFromJuly2022AndReMappedBefore() {
		// Five CCGs, each a sub-ICB location of its own ICB from 1 July 2022; two practices in each.
		structure(5, 1);
		LocalDate icbs = LocalDate.of(2022, 7, 1);
		StringBuilder csv = new StringBuilder(HEADER);
		for (int c = 1; c <= 5; c++) {
			org("QGI" + c, "ICB", "NHS GENERATED ICB " + c, icbs, null);
			link("QGI" + c, "YG1", icbs, null);
			link("G0" + c, "QGI" + c, icbs, null);
			for (int p = 1; p <= 2; p++) {
				String practice = "G00" + c + p;
				practice(practice, LocalDate.of(2013, 4, 1), null, "G0" + c);
				csv.append(practice).append(",PRAC-FLU65,2021/22,").append(10 * c + p).append(",1000\n");
				csv.append(practice).append(",PRAC-FLU65,2022/23,").append(20 * c + p).append(",1000\n");
			}
		}
		load(csv.toString());

		Map<String, ValueRow> asWas = byCode(OutcomesLevel.ICB, "2022/23", org.cocommission.outcomes.Structure.AS_WAS);
		assertThat(asWas).hasSize(5);
		assertThat(asWas.get("QGI3").numerator()).isEqualTo(61 + 62);
		assertThat(asWas.get("QGI3").parentCode()).isEqualTo("YG1");
		assertThat(asWas.values().stream().mapToDouble(ValueRow::numerator).sum())
			.isEqualTo(byCode(OutcomesLevel.ENGLAND, "2022/23").get("X24").numerator());
		assertThat(asWas.get("QGI3").decile()).isNotNull();
		// Before 1 July 2022 there were no ICBs: none as it was, each ICB's practices re-mapped onto a later structure.
		assertThat(byCode(OutcomesLevel.ICB, "2021/22", org.cocommission.outcomes.Structure.AS_WAS)).isEmpty();
		org.cocommission.outcomes.Structure now = new org.cocommission.outcomes.Structure(LocalDate.of(2023, 1, 1));
		Map<String, ValueRow> remapped = byCode(OutcomesLevel.ICB, "2021/22", now);
		assertThat(remapped).hasSize(5);
		assertThat(remapped.get("QGI3").numerator()).isEqualTo(31 + 32);
		assertThat(as(users, "attribution-national", () -> values.deciles("PRAC-FLU65", OutcomesLevel.fromSlug("icb"),
				"QGI3", now))).satisfies(series -> {
					assertThat(series.periods()).containsExactly("2021/22", "2022/23");
					assertThat(series.orgValues()).containsExactly(63 / 20.0, 123 / 20.0);
				});
	}

	private void succession(String oldCode, String newCode, LocalDate effective) {
		jdbc.sql("insert into directory_succession (old_code, new_code, reason, effective_date) values (?, ?, 'MERGED', ?)")
			.params(oldCode, newCode, effective)
			.update();
	}

	private Map<String, ValueRow> byCode(OutcomesLevel level, String period,
			org.cocommission.outcomes.Structure structure) {
		Map<String, ValueRow> rows = new HashMap<>();
		as(users, "attribution-national", () -> values.values("PRAC-FLU65", level, period, null, structure))
			.forEach(row -> rows.put(row.orgCode(), row));
		return rows;
	}

	private Map<String, ValueRow> byCode(OutcomesLevel level, String period) {
		Map<String, ValueRow> rows = new HashMap<>();
		String indicator = level == OutcomesLevel.CCG && jdbc.sql("select count(*) from outcomes_slice where indicator_id"
				+ " = 'CCGOIS-1.1'").query(Long.class).single() > 0 ? "CCGOIS-1.1" : "PRAC-FLU65";
		as(users, "attribution-national", () -> values.values(indicator, level, period, null))
			.forEach(row -> rows.put(row.orgCode(), row));
		return rows;
	}

	private ObservationImportReport load(String csv) {
		return as(users, "attribution-national",
				() -> imports.importFile(ImportFormat.LONG, null, "generated.csv", stream(csv)));
	}

	/** Region YG1 with area teams QG1...; CCGs G01... spread over the area teams, all since 2013. */
	private void structure(int ccgs, int areas) {
		org("YG1", "REGION", "GENERATED REGION", LocalDate.of(2013, 4, 1), null);
		for (int a = 1; a <= areas; a++) {
			org("QG" + a, "AREA_TEAM", "GENERATED AREA " + a, LocalDate.of(2013, 4, 1), null);
			link("QG" + a, "YG1", LocalDate.of(2013, 4, 1), null);
		}
		for (int c = 1; c <= ccgs; c++) {
			String code = "G%02d".formatted(c);
			org(code, "CCG", "NHS GENERATED CCG " + c, LocalDate.of(2013, 4, 1), null);
			link(code, "QG" + (1 + c % areas), LocalDate.of(2013, 4, 1), null);
		}
	}

	/** A practice and its memberships: the first CCG, then pairs of (date of a move, new CCG). */
	private void practice(String code, LocalDate opened, LocalDate closed, Object... memberships) {
		org(code, "GP_PRACTICE", "GENERATED PRACTICE " + code, opened, closed);
		LocalDate from = opened;
		String ccg = (String) memberships[0];
		for (int i = 1; i < memberships.length; i += 2) {
			LocalDate move = (LocalDate) memberships[i];
			link(code, ccg, from, move.minusDays(1));
			from = move;
			ccg = (String) memberships[i + 1];
		}
		link(code, ccg, from, closed);
	}

	private void org(String code, String type, String name, LocalDate opened, LocalDate closed) {
		jdbc.sql("insert into directory_organisation (code, type, name, open_date, close_date, status,"
				+ " prescribing_setting) values (?, ?, ?, ?, ?, ?, ?)")
			.params(code, type, name, opened, closed, closed == null ? "A" : "C", type.equals("GP_PRACTICE") ? 4 : null)
			.update();
	}

	private void link(String child, String parent, LocalDate from, LocalDate to) {
		jdbc.sql("insert into directory_relationship (child_code, parent_code, valid_from, valid_to) values (?, ?, ?, ?)")
			.params(child, parent, from, to)
			.update();
	}
}
