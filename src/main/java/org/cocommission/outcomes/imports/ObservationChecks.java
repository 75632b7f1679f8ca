package org.cocommission.outcomes.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.OutcomesLevel;

/**
 * The checks of every row of an import that need more than the row, made in memory as the file streams past: unknown
 * organisations and indicators, observations at the wrong level, duplicate keys (the first row of each key, per indicator and period, by organisation index), and population
 * denominators left blank, filled from the registered list of the period's quarter. The messages are those the
 * import has always given (a row's messages in alphabetical order). The directory is read once, on a connection of
 * its own, because the import's connection is busy with its COPY. Rows that are odd but meant (a numerator above the
 * denominator of a proportion, a practice in no CCG during the period) are stored with a {@link #warning()}.
 */
public final class ObservationChecks {

	private final DataSource dataSource;

	private final Map<String, Indicator> indicators;

	private final Map<String, Character> orgTypes = new HashMap<>();

	private final OrgCodes orgs = new OrgCodes();

	private final OrgCodes indicatorCodes = new OrgCodes();

	private final OrgCodes periodCodes = new OrgCodes();

	/** Per indicator index, per period index: the slice's number (plus one; 0 for none yet). */
	private int[][] sliceNumbers = new int[16][];

	/** Per slice number: the first row of each organisation index (0 for none yet). */
	private final List<int[]> firstRows = new ArrayList<>();

	private final Map<String, Integer> attributeRows = new HashMap<>();

	private final Map<String, Map<String, Double>> lists = new HashMap<>();

	private int lastSlice = -1;

	private String lastIndicatorId;

	private String lastPeriod;

	private Indicator lastIndicator;

	private char[] typesByIndex = new char[1024];

	private int lastOrg = -1;

	/** The organisation codes seen, numbered ({@link #org()}). */
	public OrgCodes orgs() {
		return orgs;
	}

	/** The organisation of the last checked row, numbered. */
	public int org() {
		return lastOrg;
	}

	/** The indicator and period of the last checked row, numbered from 0 in the order first seen. */
	public int slice() {
		return lastSlice;
	}

	/** The denominator the last checked row gets (its own, or the registered list). */
	private Double denominator;

	private String warning;

	private Map<String, int[]> ccgLinks;

	private String membershipPeriod;

	/** Per organisation index in {@link #membershipPeriod}: 0 not yet asked, 1 a member, 2 not. */
	private byte[] memberships;

	private int periodStarts;

	private int periodEnds;

	public ObservationChecks(DataSource dataSource, Map<String, Indicator> indicators) {
		this.dataSource = dataSource;
		this.indicators = indicators;
		query("select code, type from directory_organisation", rs -> orgTypes.put(rs.getString(1),
				switch (rs.getString(2)) {
					case "GP_PRACTICE" -> 'P';
					case "CCG" -> 'C';
					default -> 'O';
				}));
	}

	/** A QOF group's prevalence indicator that the import will define, checked as defined already. */
	public void willDefine(Indicator indicator) {
		indicators.putIfAbsent(indicator.id(), indicator);
		lastIndicatorId = null;
	}

	public boolean knowsIndicator(String id) {
		return indicators.containsKey(id);
	}

	public Double denominator() {
		return denominator;
	}

	/** The problems of one observation row, alphabetically; empty when it may be stored. */
	public List<String> observation(long row, String org, String indicatorId, Period period, double numerator,
			Double given) {
		int first = firstRow(org, indicatorId, period.code(), row);
		char type = orgType(lastOrg);
		Indicator indicator = lastIndicator;
		denominator = given;
		if (denominator == null && indicator != null && indicator.populationDenominator()) {
			denominator = list(period).get(org);
		}
		warning = null;
		// Counts are whole, and a proportion of nobody has no value (docs/domain-rules.md#outcomes, "What a file may hold").
		boolean whole = numerator == Math.rint(numerator) && (given == null || given == Math.rint(given));
		boolean ofNobody = indicator != null && indicator.type() == IndicatorType.PROPORTION && denominator != null
				&& denominator == 0;
		if (type != 'O' && indicator != null && first == 0 && denominator != null && whole && !ofNobody
				&& type == (indicator.level() == OutcomesLevel.PRACTICE ? 'P' : 'C')) {
			if (indicator.type() == IndicatorType.PROPORTION && numerator > denominator) {
				warning = "numerator " + number(numerator) + " is above denominator " + number(denominator)
						+ " of the proportion " + indicatorId + ": stored, shown over 100% with no interval, left out"
						+ " of deciles and funnel limits, counted in every sum";
			}
			else if (type == 'P' && !member(lastOrg, period)) {
				warning = org + " belonged to no CCG during " + period.code() + ": stored and counted in England only";
			}
			return List.of();
		}
		List<String> messages = new ArrayList<>(2);
		if (type == 'O') {
			messages.add("unknown organisation " + org);
		}
		if (indicator == null) {
			messages.add("unknown indicator " + indicatorId);
		}
		else {
			boolean practices = indicator.level() == OutcomesLevel.PRACTICE;
			if (type != 'O' && type != (practices ? 'P' : 'C')) {
				messages.add(org + " is not a " + (practices ? "GP practice" : "CCG") + ": indicator " + indicatorId
						+ " is observed for " + (practices ? "practices" : "CCGs"));
			}
			if (denominator == null) {
				messages.add(indicator.populationDenominator()
						? "no registered list for " + org + " to use as the denominator of " + indicatorId
						: "DENOMINATOR is required for " + indicatorId);
			}
		}
		if (numerator != Math.rint(numerator)) {
			messages.add("NUMERATOR " + number(numerator) + " is not a whole number: it is a count");
		}
		if (given != null && given != Math.rint(given)) {
			messages.add("DENOMINATOR " + number(given) + " is not a whole number: it is a count");
		}
		if (ofNobody) {
			messages.add("DENOMINATOR is 0: the proportion " + indicatorId + " of nobody has no value");
		}
		if (first > 0) {
			messages.add("duplicate of row " + first + ": " + org + " " + indicatorId + " " + period.code());
		}
		if (messages.size() > 1) {
			messages.sort(null);
		}
		return messages;
	}

	/** The warning of the last checked row when it may be stored but is odd; null when there is none. */
	public String warning() {
		return warning;
	}

	/**
	 * Whether the practice had a CCG membership on any day of the period: the attribution rule places it then
	 * (docs/domain-rules.md#outcomes, "Attribution"). Answered once per practice and period.
	 */
	private boolean member(int org, Period period) {
		if (!period.code().equals(membershipPeriod)) {
			membershipPeriod = period.code();
			memberships = new byte[Math.max(64, orgs.size())];
			periodStarts = (int) period.starts().toEpochDay();
			periodEnds = (int) period.ends().toEpochDay();
		}
		if (org >= memberships.length) {
			memberships = Arrays.copyOf(memberships, Math.max(org + 1, memberships.length * 2));
		}
		if (memberships[org] == 0) {
			int[] links = ccgLinks().get(orgs.code(org));
			boolean found = false;
			for (int i = 0; links != null && i < links.length && !found; i += 2) {
				found = links[i] <= periodEnds && links[i + 1] >= periodStarts;
			}
			memberships[org] = (byte) (found ? 1 : 2);
		}
		return memberships[org] == 1;
	}

	/** Every practice's CCG links as pairs of epoch days (first, last), open ends as the extremes; read once. */
	private Map<String, int[]> ccgLinks() {
		if (ccgLinks == null) {
			Map<String, int[]> links = new HashMap<>();
			query("""
					select r.child_code, r.valid_from, r.valid_to from directory_relationship r
					join directory_organisation parent on parent.code = r.parent_code and parent.type = 'CCG'
					""", rs -> {
				java.sql.Date from = rs.getDate(2);
				java.sql.Date to = rs.getDate(3);
				int[] known = links.get(rs.getString(1));
				int[] more = known == null ? new int[2] : Arrays.copyOf(known, known.length + 2);
				more[more.length - 2] = from == null ? Integer.MIN_VALUE : (int) from.toLocalDate().toEpochDay();
				more[more.length - 1] = to == null ? Integer.MAX_VALUE : (int) to.toLocalDate().toEpochDay();
				links.put(rs.getString(1), more);
			});
			ccgLinks = links;
		}
		return ccgLinks;
	}

	/** 'P' for a practice, 'C' for a CCG, 'X' for another organisation, 'O' for none known; by index, once each. */
	private char orgType(int index) {
		if (index >= typesByIndex.length) {
			typesByIndex = Arrays.copyOf(typesByIndex, Math.max(index + 1, typesByIndex.length * 2));
		}
		char type = typesByIndex[index];
		if (type == 0) {
			Character known = orgTypes.get(orgs.code(index));
			type = known == null ? 'O' : known == 'O' ? 'X' : known;
			typesByIndex[index] = type;
		}
		return type;
	}

	/** The problems of one context attribute row. */
	public List<String> attribute(long row, String org, String attribute) {
		List<String> messages = new ArrayList<>(0);
		if (!orgTypes.containsKey(org)) {
			messages.add("unknown organisation " + org);
		}
		Integer first = attributeRows.putIfAbsent(org + " " + attribute, (int) row);
		if (first != null) {
			messages.add("duplicate of row " + first + ": " + org + " " + attribute);
		}
		messages.sort(null);
		return messages;
	}

	/**
	 * The row that first had this key, or 0 (remembering this row as the first). Rows of the same indicator and period
	 * as the last (the order files are written in) reuse its slice without looking it up.
	 */
	private int firstRow(String org, String indicator, String period, long row) {
		if (!indicator.equals(lastIndicatorId) || !period.equals(lastPeriod)) {
			findSlice(indicator, period);
		}
		int[] rows = firstRows.get(lastSlice);
		int index = orgs.index(org);
		lastOrg = index;
		if (index >= rows.length) {
			rows = Arrays.copyOf(rows, Math.max(index + 1, rows.length * 2));
			firstRows.set(lastSlice, rows);
		}
		int first = rows[index];
		if (first == 0) {
			rows[index] = (int) row;
		}
		return first;
	}

	private void findSlice(String indicator, String period) {
		int indicatorIndex = indicatorCodes.index(indicator);
		int periodIndex = periodCodes.index(period);
		if (indicatorIndex >= sliceNumbers.length) {
			sliceNumbers = Arrays.copyOf(sliceNumbers, indicatorIndex * 2);
		}
		int[] periods = sliceNumbers[indicatorIndex];
		if (periods == null || periodIndex >= periods.length) {
			periods = periods == null ? new int[Math.max(64, periodIndex + 1)]
					: Arrays.copyOf(periods, Math.max(periodIndex + 1, periods.length * 2));
			sliceNumbers[indicatorIndex] = periods;
		}
		if (periods[periodIndex] == 0) {
			firstRows.add(new int[Math.max(64, orgTypes.size())]);
			periods[periodIndex] = firstRows.size();
		}
		lastSlice = periods[periodIndex] - 1;
		lastIndicatorId = indicator;
		lastPeriod = period;
		lastIndicator = indicators.get(indicator);
	}

	/** As PostgreSQL writes a double: whole numbers without a decimal point. */
	public static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return Double.toString(value);
	}

	/**
	 * Registered lists of practices, and their sums per CCG as at the list date, from the latest extract on or before
	 * the period's list date (or the earliest there is).
	 */
	private Map<String, Double> list(Period period) {
		return lists.computeIfAbsent(period.code(), code -> {
			Map<String, Double> list = new HashMap<>();
			LocalDate date = period.listDate();
			String extract = """
					coalesce((select max(extract_date) from directory_registered_patients
					          where sex = 'ALL' and age_band = 'ALL' and extract_date <= ?),
					         (select min(extract_date) from directory_registered_patients where sex = 'ALL' and age_band = 'ALL'))
					""";
			query("select practice_code, patients::double precision from directory_registered_patients"
					+ " where sex = 'ALL' and age_band = 'ALL' and extract_date = " + extract,
					rs -> list.put(rs.getString(1), rs.getDouble(2)), java.sql.Date.valueOf(date));
			query("""
					select r.parent_code, sum(rp.patients)::double precision
					from directory_registered_patients rp
					join directory_relationship r on r.child_code = rp.practice_code
					  and valid_on(r.valid_from, r.valid_to, ?)
					join directory_organisation c on c.code = r.parent_code and c.type = 'CCG'
					where rp.sex = 'ALL' and rp.age_band = 'ALL' and rp.extract_date = """ + extract + """
					group by r.parent_code
					""", rs -> list.put(rs.getString(1), rs.getDouble(2)), java.sql.Date.valueOf(date),
					java.sql.Date.valueOf(date));
			return list;
		});
	}

	@FunctionalInterface
	private interface RowHandler {

		void row(ResultSet rs) throws SQLException;
	}

	private void query(String sql, RowHandler handler, Object... parameters) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					handler.row(rs);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the directory to check the import", ex);
		}
	}
}
