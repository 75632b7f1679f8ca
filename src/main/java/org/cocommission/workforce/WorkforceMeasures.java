package org.cocommission.workforce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.PopulationQueries;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.CurrentUser;
import org.cocommission.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workforce measures per practice, CCG and England for a month, their deciles and trend, and the national staff-group
 * growth (docs/domain-rules.md#workforce). Signed-in users see the practices and CCGs their account reaches (a
 * practice itself, a CCG its practices, national users all) and England; deciles are placed among all organisations.
 */
@Service
@Transactional(readOnly = true)
public class WorkforceMeasures {

	/** The numerator of the share of GPs aged 55 and over: the sum of the GP headcount age bands from 55. */
	public static final String GP_55_PLUS = "GP_HC_55_PLUS";

	/** The code England's rows carry. */
	public static final String ENGLAND = "ENGLAND";

	private static final Pattern GP_AGE_BAND = Pattern.compile("TOTAL_GP_HC_(\\d\\d)(TO\\d\\d|PLUS)");

	private final JdbcClient jdbc;

	private final Directory directory;

	private final PopulationQueries populations;

	private final AccessPolicy access;

	WorkforceMeasures(JdbcClient jdbc, Directory directory, PopulationQueries populations, AccessPolicy access) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.populations = populations;
		this.access = access;
	}

	/** Months with practice figures, oldest first. */
	public List<YearMonth> months() {
		access.requireUserOrSystem();
		return jdbc.sql("select distinct month from workforce_practice_month order by month")
			.query(LocalDate.class)
			.list()
			.stream()
			.map(YearMonth::from)
			.toList();
	}

	/** The measure at the level for the month, as far as the signed-in user may see, with deciles among all. */
	public List<MeasureRow> measure(WorkforceMeasure measure, WorkforceLevel level, YearMonth month) {
		access.requireUserOrSystem();
		checkLevel(measure, level);
		List<MeasureRow> rows = withDeciles(allRows(measure, level, month));
		return rows.stream().filter(row -> visible(level, row.orgCode())).toList();
	}

	/** One organisation's measure month by month ({@code orgCode} ignored for England). */
	public List<TrendPoint> trend(WorkforceMeasure measure, WorkforceLevel level, String orgCode) {
		access.requireUserOrSystem();
		checkLevel(measure, level);
		String code = level == WorkforceLevel.ENGLAND ? ENGLAND : orgCode;
		if (!visible(level, code)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Your account cannot see " + code + "'s workforce");
		}
		List<TrendPoint> points = new ArrayList<>();
		for (YearMonth month : months()) {
			Map<String, PracticeFigures> figures = practiceFigures(month);
			Optional<MeasureRow> row = switch (level) {
				case PRACTICE -> Optional.ofNullable(figures.get(code))
					.flatMap(practice -> practiceRow(measure, code, practice));
				case CCG -> {
					List<String> members = members(code, month);
					yield Optional.of(aggregate(measure, code, null, members.stream()
						.filter(figures::containsKey)
						.map(figures::get)
						.toList()));
				}
				case ENGLAND -> Optional.of(aggregate(measure, ENGLAND, "England", List.copyOf(figures.values())));
			};
			row.filter(r -> r.practices() > 0)
				.ifPresent(r -> points.add(new TrendPoint(month.toString(), r.value(), r.withheld(),
						r.practicesLeftOut())));
		}
		return points;
	}

	/** Every staff group of the national series, by year, indexed to the first year every group has. */
	public List<IndexedSeries> indexedGrowth(List<String> staffGroups) {
		access.requireUserOrSystem();
		Map<String, TreeMap<Integer, BigDecimal>> series = new LinkedHashMap<>();
		jdbc.sql("select year, staff_group, fte from workforce_national_series order by staff_group, year")
			.query(NationalFigure.class)
			.list()
			.forEach(figure -> series.computeIfAbsent(figure.staffGroup(), group -> new TreeMap<>())
				.put(figure.year(), figure.fte()));
		if (staffGroups != null && !staffGroups.isEmpty()) {
			series.keySet().retainAll(staffGroups);
		}
		if (series.isEmpty()) {
			return List.of();
		}
		Integer base = series.values()
			.stream()
			.map(TreeMap::firstKey)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		List<IndexedSeries> indexed = new ArrayList<>();
		series.forEach((group, years) -> {
			BigDecimal baseFte = years.get(base);
			if (baseFte == null || baseFte.signum() == 0) {
				return;
			}
			List<IndexedSeries.Point> points = years.tailMap(base, true)
				.entrySet()
				.stream()
				.map(year -> new IndexedSeries.Point(year.getKey(), year.getValue(),
						year.getValue().multiply(BigDecimal.valueOf(100)).divide(baseFte, 1, RoundingMode.HALF_UP)))
				.toList();
			BigDecimal growth = points.get(points.size() - 1).index().subtract(BigDecimal.valueOf(100));
			indexed.add(new IndexedSeries(group, base, growth, points));
		});
		return indexed;
	}

	/** The staff groups of the national series. */
	public List<String> staffGroups() {
		access.requireUserOrSystem();
		return jdbc.sql("select distinct staff_group from workforce_national_series order by staff_group")
			.query(String.class)
			.list();
	}

	private static void checkLevel(WorkforceMeasure measure, WorkforceLevel level) {
		if (measure.practiceOnly() && level != WorkforceLevel.PRACTICE) {
			throw new InvalidInputException("level", measure.label()
					+ " is made of headcounts, which do not add up above a practice: choose the practice level");
		}
	}

	private boolean visible(WorkforceLevel level, String code) {
		if (level == WorkforceLevel.ENGLAND || ActingAs.isSystem()) {
			return true;
		}
		CurrentUser user = access.requireUser();
		return access.canSee(user, code);
	}

	List<MeasureRow> allRows(WorkforceMeasure measure, WorkforceLevel level, YearMonth month) {
		Map<String, PracticeFigures> figures = practiceFigures(month);
		return switch (level) {
			case PRACTICE -> figures.values()
				.stream()
				.map(practice -> practiceRow(measure, practice.code(), practice))
				.flatMap(Optional::stream)
				.sorted(Comparator.comparing(MeasureRow::orgCode))
				.toList();
			case CCG -> {
				Map<String, List<PracticeFigures>> byCcg = new TreeMap<>();
				Map<String, String> names = new HashMap<>();
				for (PopulationQueries.CcgRef ccg : populations.ccgs()) {
					names.put(ccg.code(), ccg.name());
					for (String practice : members(ccg.code(), month)) {
						if (figures.containsKey(practice)) {
							byCcg.computeIfAbsent(ccg.code(), code -> new ArrayList<>()).add(figures.get(practice));
						}
					}
				}
				List<MeasureRow> rows = new ArrayList<>();
				byCcg.forEach((ccg, practices) -> rows.add(aggregate(measure, ccg, names.get(ccg), practices)));
				yield rows;
			}
			case ENGLAND -> figures.isEmpty() ? List.of()
					: List.of(aggregate(measure, ENGLAND, "England", List.copyOf(figures.values())));
		};
	}

	/** The practices of a CCG on the month's last day, as the directory dates its memberships. */
	private List<String> members(String ccg, YearMonth month) {
		return directory.children(ccg, month.atEndOfMonth())
			.stream()
			.filter(child -> child.type() == OrganisationType.GP_PRACTICE)
			.map(OrganisationSummary::code)
			.toList();
	}

	/** A practice's row, if it has both figures (or either is withheld). */
	static Optional<MeasureRow> practiceRow(WorkforceMeasure measure, String code, PracticeFigures practice) {
		Figure numerator = practice.figure(measure.numerator());
		Figure denominator = practice.figure(measure.denominator());
		if (numerator == null || denominator == null) {
			return Optional.empty();
		}
		if (numerator.withheld() || denominator.withheld()) {
			return Optional.of(new MeasureRow(code, practice.name(), numerator.value(), denominator.value(), null, true,
					1, 1, null));
		}
		return Optional.of(new MeasureRow(code, practice.name(), numerator.value(), denominator.value(),
				ratio(numerator.value(), denominator.value(), measure.scale()), false, 1, 0, null));
	}

	/** Sums of FTE and patients over the practices with both figures; the withheld are left out and counted. */
	static MeasureRow aggregate(WorkforceMeasure measure, String code, String name, List<PracticeFigures> practices) {
		BigDecimal numerator = BigDecimal.ZERO;
		BigDecimal denominator = BigDecimal.ZERO;
		int included = 0;
		int leftOut = 0;
		for (PracticeFigures practice : practices) {
			Optional<MeasureRow> row = practiceRow(measure, practice.code(), practice);
			if (row.isEmpty()) {
				continue;
			}
			if (row.get().withheld()) {
				leftOut++;
				continue;
			}
			included++;
			numerator = numerator.add(row.get().numerator());
			denominator = denominator.add(row.get().denominator());
		}
		if (included == 0) {
			return new MeasureRow(code, name, null, null, null, leftOut > 0, leftOut, leftOut, null);
		}
		return new MeasureRow(code, name, numerator, denominator, ratio(numerator, denominator, measure.scale()), false,
				included + leftOut, leftOut, null);
	}

	static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator, int scale) {
		if (denominator.signum() == 0) {
			return null;
		}
		return numerator.multiply(BigDecimal.valueOf(scale)).divide(denominator, 4, RoundingMode.HALF_UP);
	}

	/** Deciles 1 (lowest) to 10 among the rows with a value: the k-th of n smallest is in decile ⌈10k/n⌉. */
	static List<MeasureRow> withDeciles(List<MeasureRow> rows) {
		List<MeasureRow> valued = rows.stream()
			.filter(row -> row.value() != null)
			.sorted(Comparator.comparing(MeasureRow::value))
			.toList();
		Map<String, Integer> deciles = new HashMap<>();
		int n = valued.size();
		for (int k = 1; k <= n; k++) {
			deciles.put(valued.get(k - 1).orgCode(), (10 * k + n - 1) / n);
		}
		return rows.stream().map(row -> row.withDecile(deciles.get(row.orgCode()))).toList();
	}

	private Map<String, PracticeFigures> practiceFigures(YearMonth month) {
		Map<String, PracticeFigures> practices = new LinkedHashMap<>();
		// The detailed file's figures first, the high level file's where the detailed file has none.
		jdbc.sql("select distinct on (v.practice_code, v.measure) v.practice_code, m.practice_name, v.measure, v.value,"
				+ " v.withheld from workforce_practice_value v join workforce_practice_month m"
				+ " on m.month = v.month and m.source = v.source and m.practice_code = v.practice_code"
				+ " where v.month = ? order by v.practice_code, v.measure, (v.source = 'DETAILED') desc")
			.param(month.atDay(1))
			.query(StoredFigure.class)
			.list()
			.forEach(stored -> practices
				.computeIfAbsent(stored.practiceCode(),
						code -> new PracticeFigures(code, stored.practiceName(), new HashMap<>()))
				.figures()
				.put(stored.measure(), new Figure(stored.value(), stored.withheld())));
		practices.values().forEach(PracticeFigures::addGpsAged55Plus);
		return practices;
	}

	record StoredFigure(String practiceCode, String practiceName, String measure, BigDecimal value,
			boolean withheld) {
	}

	record NationalFigure(int year, String staffGroup, BigDecimal fte) {
	}

	/** A stored figure: a value, or withheld. */
	record Figure(BigDecimal value, boolean withheld) {
	}

	/** One practice's figures in a month by today's column name. */
	record PracticeFigures(String code, String name, Map<String, Figure> figures) {

		Figure figure(String measure) {
			return figures.get(measure);
		}

		/** GPs aged 55 and over: the age bands from 55 summed, withheld if any is; absent without age bands. */
		void addGpsAged55Plus() {
			BigDecimal sum = BigDecimal.ZERO;
			boolean any = false;
			boolean withheld = false;
			for (var entry : figures.entrySet()) {
				Matcher band = GP_AGE_BAND.matcher(entry.getKey());
				if (band.matches() && Integer.parseInt(band.group(1)) >= 55) {
					any = true;
					withheld |= entry.getValue().withheld();
					if (!entry.getValue().withheld()) {
						sum = sum.add(entry.getValue().value());
					}
				}
			}
			if (any) {
				figures.put(GP_55_PLUS, withheld ? new Figure(null, true) : new Figure(sum, false));
			}
		}
	}
}
