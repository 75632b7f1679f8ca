package org.cocommission.finance;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.cocommission.directory.PopulationQueries;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes a small directory (an area team, CCGs, practices, lists by band and sex) straight into the tables. */
public final class FinanceTestData {

	private FinanceTestData() {
	}

	/**
	 * Tells the application that the directory changed, as the directory's importers do: these fixtures write the
	 * tables directly, and what is kept from the lists (the global sum's England pass) must be read again.
	 */
	public static void changed(org.springframework.context.ApplicationEventPublisher events, LocalDate extract) {
		events.publishEvent(new org.cocommission.directory.DirectoryChanged("test fixture", 0, 0, 0, List.of(extract)));
	}

	public static void organisation(JdbcClient jdbc, String code, String type, String name) {
		jdbc.sql("insert into directory_organisation (code, type, name, status, prescribing_setting)"
				+ " values (?, ?, ?, 'A', ?) on conflict (code) do nothing")
			.params(code, type, name, "GP_PRACTICE".equals(type) ? 4 : null)
			.update();
	}

	public static void link(JdbcClient jdbc, String child, String parent, LocalDate from, LocalDate to) {
		jdbc.sql("insert into directory_relationship (child_code, parent_code, valid_from, valid_to) values (?, ?, ?, ?)")
			.params(child, parent, from, to)
			.update();
	}

	/** A practice list at an extract: {@code perBand} patients of each sex in every band (and the ALL totals). */
	public static void list(JdbcClient jdbc, String practice, LocalDate extract, long perBand) {
		for (String sex : List.of("MALE", "FEMALE")) {
			for (String band : PopulationQueries.AGE_BANDS) {
				jdbc.sql("insert into directory_registered_patients (practice_code, extract_date, sex, age_band, patients)"
						+ " values (?, ?, ?, ?, ?)")
					.params(practice, extract, sex, band, perBand)
					.update();
			}
		}
		jdbc.sql("insert into directory_registered_patients (practice_code, extract_date, sex, age_band, patients)"
				+ " values (?, ?, 'ALL', 'ALL', ?)")
			.params(practice, extract, perBand * 2 * PopulationQueries.AGE_BANDS.size())
			.update();
	}

	/**
	 * The extract the global sum reads in the tests that share the finance context: the global sum takes England's
	 * latest extract, whichever test wrote it, so each test gives its practices a list there too (after the extracts
	 * of the runs of those tests, so none of their runs reads it) and finds them on the global sum in any order.
	 * {@code FinanceOutcomesPeersTests} alone writes later lists, and removes them when done ({@link FinanceFixture}).
	 */
	public static final LocalDate GLOBAL_SUM_EXTRACT = LocalDate.of(2030, 1, 1);

	/** Lists at {@link #GLOBAL_SUM_EXTRACT} for the two practices of each CCG {@link #area} made. */
	public static void globalSumLists(JdbcClient jdbc, List<String> ccgs) {
		for (String ccg : ccgs) {
			for (int p = 1; p <= 2; p++) {
				list(jdbc, ccg + "P" + p, GLOBAL_SUM_EXTRACT, 250);
			}
		}
	}

	/**
	 * An area team {@code area} with {@code ccgs} CCGs named {@code prefix}1.. each with two practices whose lists at
	 * {@code extract} vary with a fixed seed.
	 */
	public static List<String> area(JdbcClient jdbc, String area, String prefix, int ccgs, LocalDate extract) {
		return area(jdbc, area, prefix, ccgs, extract, LocalDate.of(2013, 4, 1));
	}

	/** The same with the practices and CCGs in their places from {@code from}. */
	public static List<String> area(JdbcClient jdbc, String area, String prefix, int ccgs, LocalDate extract,
			LocalDate from) {
		organisation(jdbc, area, "AREA_TEAM", "Area team " + area);
		Random random = new Random(prefix.hashCode());
		List<String> codes = new java.util.ArrayList<>();
		for (int i = 1; i <= ccgs; i++) {
			String ccg = prefix + i;
			codes.add(ccg);
			organisation(jdbc, ccg, "CCG", "NHS " + ccg + " CCG");
			link(jdbc, ccg, area, from, null);
			for (int p = 1; p <= 2; p++) {
				String practice = ccg + "P" + p;
				organisation(jdbc, practice, "GP_PRACTICE", "Practice " + practice);
				link(jdbc, practice, ccg, from, null);
				list(jdbc, practice, extract, 100 + random.nextInt(400));
			}
		}
		return codes;
	}

	/** A formula request body: a rising cost curve (older people cost more), 10% and 15% inequalities shares. */
	public static String formulaJson(String name, String year, boolean missingBand) {
		StringBuilder male = new StringBuilder();
		StringBuilder female = new StringBuilder();
		List<String> bands = PopulationQueries.AGE_BANDS;
		for (int i = 0; i < bands.size(); i++) {
			String sep = male.isEmpty() ? "" : ",";
			male.append(sep).append('"').append(bands.get(i)).append("\":").append(0.5 + i * 0.25);
			if (!(missingBand && bands.get(i).equals("45_49"))) {
				female.append(female.isEmpty() ? "" : ",").append('"').append(bands.get(i)).append("\":").append(0.6 + i * 0.25);
			}
		}
		return "{\"name\":\"" + name + "\",\"effectiveYear\":\"" + year + "\",\"inequalitiesShareCcg\":0.10,"
				+ "\"inequalitiesSharePrimaryCare\":0.15,\"male\":{" + male + "},\"female\":{" + female + "}}";
	}
}
