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
import org.cocommission.contracts.PaymentLevel;
import org.cocommission.contracts.PaymentRow;
import org.cocommission.contracts.Payments;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.CurrentUser;
import org.cocommission.outcomes.PeerGroups;
import org.cocommission.outcomes.PracticePeerGroups;
import org.cocommission.platform.FinancialYear;
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

	/** Weighted patients of the practice's financial year (NHS Payments to General Practice, the contracts module). */
	public static final String WEIGHTED_PATIENTS = "WEIGHTED_PATIENTS";

	/** Staff FTE: GPs, nurses, direct patient care and admin added; withheld if any is, absent if any is. */
	public static final String STAFF_FTE = "STAFF_FTE";

	/** GP partners' (and providers') FTE. */
	public static final String PARTNER_FTE = "TOTAL_GP_PTNR_PROV_FTE";

	/** Salaried GPs' FTE (salaried by the practice). */
	public static final String SALARIED_FTE = "TOTAL_GP_SAL_BY_PRAC_FTE";

	/** Partners' and salaried GPs' FTE added, the denominator of the partners' share. */
	public static final String PARTNER_AND_SALARIED_FTE = "PARTNER_AND_SALARIED_FTE";

	private static final List<String> STAFF_GROUPS_FTE = List.of("TOTAL_GP_FTE", "TOTAL_NURSES_FTE", "TOTAL_DPC_FTE",
			"TOTAL_ADMIN_FTE");

	/** The code England's rows carry. */
	public static final String ENGLAND = "ENGLAND";

	private static final Pattern GP_AGE_BAND = Pattern.compile("TOTAL_GP_HC_(\\d\\d)(TO\\d\\d|PLUS)");

	private final JdbcClient jdbc;

	private final Directory directory;

	private final AccessPolicy access;

	private final Payments payments;

	private final PeerGroups ccgPeers;

	private final PracticePeerGroups practicePeers;

	WorkforceMeasures(JdbcClient jdbc, Directory directory, AccessPolicy access,
			Payments payments, PeerGroups ccgPeers, PracticePeerGroups practicePeers) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.access = access;
		this.payments = payments;
		this.ccgPeers = ccgPeers;
		this.practicePeers = practicePeers;
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
		return trends(List.of(measure), level, orgCode).get(measure);
	}

	/** Several measures of one organisation month by month, reading each month's figures once. */
	public Map<WorkforceMeasure, List<TrendPoint>> trends(List<WorkforceMeasure> wanted, WorkforceLevel level,
			String orgCode) {
		access.requireUserOrSystem();
		wanted.forEach(measure -> checkLevel(measure, level));
		String code = level == WorkforceLevel.ENGLAND ? ENGLAND : orgCode;
		if (!visible(level, code)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Your account cannot see " + code + "'s workforce");
		}
		Map<WorkforceMeasure, List<TrendPoint>> trends = new LinkedHashMap<>();
		wanted.forEach(measure -> trends.put(measure, new ArrayList<>()));
		for (YearMonth month : months()) {
			Map<String, PracticeFigures> figures = practiceFigures(month);
			List<PracticeFigures> included = switch (level) {
				case PRACTICE -> figures.containsKey(code) ? List.of(figures.get(code)) : List.of();
				case CCG, ICB -> {
					Map<String, String> groups = groups(level, month);
					yield figures.values().stream().filter(practice -> code.equals(groups.get(practice.code()))).toList();
				}
				case ENGLAND -> List.copyOf(figures.values());
			};
			for (WorkforceMeasure measure : wanted) {
				Optional<MeasureRow> row = level == WorkforceLevel.PRACTICE
						? included.stream().findFirst().flatMap(practice -> practiceRow(measure, code, practice))
						: Optional.of(aggregate(measure, code, null, included));
				row.filter(r -> r.practices() > 0)
					.ifPresent(r -> trends.get(measure)
						.add(new TrendPoint(month.toString(), r.value(), r.withheld(), r.practicesLeftOut())));
			}
		}
		return trends;
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
			case CCG, ICB -> {
				Map<String, String> groups = groups(level, month);
				Map<String, List<PracticeFigures>> byOrganisation = new TreeMap<>();
				figures.values().forEach(practice -> {
					String organisation = groups.get(practice.code());
					if (organisation != null) {
						byOrganisation.computeIfAbsent(organisation, code -> new ArrayList<>()).add(practice);
					}
				});
				Map<String, OrganisationRef> names = directory.refs(byOrganisation.keySet());
				List<MeasureRow> rows = new ArrayList<>();
				byOrganisation.forEach((organisation, practices) -> rows.add(aggregate(measure, organisation,
						Optional.ofNullable(names.get(organisation)).map(OrganisationRef::name).orElse(organisation),
						practices)));
				yield rows;
			}
			case ENGLAND -> figures.isEmpty() ? List.of()
					: List.of(aggregate(measure, ENGLAND, "England", List.copyOf(figures.values())));
		};
	}

	/** Every practice's row of each measure in the month, the month's figures read once (no access check: the caller's). */
	public Map<WorkforceMeasure, List<MeasureRow>> practiceRows(List<WorkforceMeasure> wanted, YearMonth month) {
		List<String> needed = new ArrayList<>();
		wanted.forEach(measure -> {
			if (measure.weighted()) {
				throw new IllegalArgumentException(measure + " needs the weighted lists, which these rows leave out");
			}
			needed.add(measure.numerator());
			needed.add(measure.denominator());
		});
		Map<String, PracticeFigures> figures = practiceFigures(month, needed);
		Map<WorkforceMeasure, List<MeasureRow>> rows = new LinkedHashMap<>();
		for (WorkforceMeasure measure : wanted) {
			rows.put(measure, figures.values()
				.stream()
				.map(practice -> practiceRow(measure, practice.code(), practice))
				.flatMap(Optional::stream)
				.toList());
		}
		return rows;
	}

	/**
	 * Practice code to the organisation of the level its figures add up to in the month: its CCG (or sub-ICB location)
	 * on the month's last day, as the directory dates memberships, or that CCG's ICB that day (ICBs began on 1 July
	 * 2022, so earlier months have none).
	 */
	private Map<String, String> groups(WorkforceLevel level, YearMonth month) {
		LocalDate day = month.atEndOfMonth();
		Map<String, String> ccgs = directory.commissionersOn(day);
		if (level == WorkforceLevel.CCG) {
			return ccgs;
		}
		Map<String, String> icbOfCcg = new HashMap<>();
		for (OrganisationSummary icb : directory
			.list(OrganisationType.ICB, null, null, Directory.ListSort.CODE, false, 0, 1_000)
			.items()) {
			directory.children(icb.code(), day)
				.stream()
				.filter(child -> child.type() == OrganisationType.CCG)
				.forEach(ccg -> icbOfCcg.put(ccg.code(), icb.code()));
		}
		Map<String, String> icbs = new HashMap<>();
		ccgs.forEach((practice, ccg) -> {
			String icb = icbOfCcg.get(ccg);
			if (icb != null) {
				icbs.put(practice, icb);
			}
		});
		return icbs;
	}

	/** The practices of a CCG in the month with the measure, by code (no access check: the caller's). */
	public List<MeasureRow> practicesOf(WorkforceMeasure measure, String ccg, YearMonth month) {
		Map<String, String> groups = groups(WorkforceLevel.CCG, month);
		return allRows(measure, WorkforceLevel.PRACTICE, month).stream()
			.filter(row -> ccg.equals(groups.get(row.orgCode())))
			.toList();
	}

	/**
	 * An organisation's measure against its peers, nearest first: a CCG's 10 most similar CCGs and a practice's 10
	 * most similar practices, as the outcomes module chose them. The peers' figure adds their numerators and
	 * denominators as any aggregate does.
	 */
	public PeerComparison peers(WorkforceMeasure measure, WorkforceLevel level, YearMonth month, String orgCode) {
		access.requireUserOrSystem();
		checkLevel(measure, level);
		if (level != WorkforceLevel.PRACTICE && level != WorkforceLevel.CCG) {
			throw new InvalidInputException("level", "Peers are chosen for practices and CCGs: choose one of them");
		}
		if (orgCode == null || orgCode.isBlank()) {
			throw new InvalidInputException("org", "Say whose peers: the code of a practice or CCG");
		}
		if (!visible(level, orgCode)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Your account cannot see " + orgCode + "'s workforce");
		}
		List<String> peerCodes = level == WorkforceLevel.CCG
				? ccgPeers.peersOrEmpty(orgCode).stream().map(PeerGroups.Peer::ccgCode).toList()
				: practicePeers.practicePeers(orgCode).stream().map(PracticePeerGroups.Peer::practiceCode).toList();
		Map<String, MeasureRow> all = new HashMap<>();
		withDeciles(allRows(measure, level, month)).forEach(row -> all.put(row.orgCode(), row));
		MeasureRow own = all.get(orgCode);
		List<MeasureRow> peers = peerCodes.stream().map(all::get).filter(java.util.Objects::nonNull).toList();
		BigDecimal numerator = BigDecimal.ZERO;
		BigDecimal denominator = BigDecimal.ZERO;
		for (MeasureRow peer : peers) {
			if (peer.value() != null) {
				numerator = numerator.add(peer.numerator());
				denominator = denominator.add(peer.denominator());
			}
		}
		return new PeerComparison(orgCode, own, peers, peerCodes.size(), ratio(numerator, denominator,
				measure.scale()));
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
		return aggregateRows(measure, code, name, practices.stream()
			.map(practice -> practiceRow(measure, practice.code(), practice))
			.flatMap(Optional::stream)
			.toList());
	}

	/** {@link #aggregate} over practice rows already made. */
	public static MeasureRow aggregateRows(WorkforceMeasure measure, String code, String name, List<MeasureRow> practices) {
		BigDecimal numerator = BigDecimal.ZERO;
		BigDecimal denominator = BigDecimal.ZERO;
		int included = 0;
		int leftOut = 0;
		for (MeasureRow row : practices) {
			if (row.withheld()) {
				leftOut++;
				continue;
			}
			included++;
			numerator = numerator.add(row.numerator());
			denominator = denominator.add(row.denominator());
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
		return practiceFigures(month, null);
	}

	/**
	 * The practices' figures in the month; with {@code figures}, only those (and the GP headcount age bands) and no
	 * weighted lists, for measures that need no more.
	 */
	private Map<String, PracticeFigures> practiceFigures(YearMonth month, List<String> figures) {
		Map<String, PracticeFigures> practices = new LinkedHashMap<>();
		// The detailed file's figures first, the high level file's where the detailed file has none.
		jdbc.sql("select distinct on (v.practice_code, v.measure) v.practice_code, m.practice_name, v.measure, v.value,"
				+ " v.withheld from workforce_practice_value v join workforce_practice_month m"
				+ " on m.month = v.month and m.source = v.source and m.practice_code = v.practice_code"
				+ " where v.month = ?" + (figures == null ? ""
						: " and (v.measure = any (?::varchar[]) or v.measure like 'TOTAL\\_GP\\_HC\\_%')")
				+ " order by v.practice_code, v.measure, (v.source = 'DETAILED') desc")
			.params(figures == null ? List.of(month.atDay(1)) : List.of(month.atDay(1), figures.toArray(String[]::new)))
			.query(StoredFigure.class)
			.list()
			.forEach(stored -> practices
				.computeIfAbsent(stored.practiceCode(),
						code -> new PracticeFigures(code, stored.practiceName(), new HashMap<>()))
				.figures()
				.put(stored.measure(), new Figure(stored.value(), stored.withheld())));
		Map<String, BigDecimal> weighted = figures == null ? weightedPatients(month) : Map.of();
		practices.values().forEach(practice -> {
			practice.addGpsAged55Plus();
			practice.addSum(STAFF_FTE, STAFF_GROUPS_FTE);
			practice.addSum(PARTNER_AND_SALARIED_FTE, List.of(PARTNER_FTE, SALARIED_FTE));
			BigDecimal weightedList = weighted.get(practice.code());
			if (weightedList != null) {
				practice.figures().put(WEIGHTED_PATIENTS, new Figure(weightedList, false));
			}
		});
		return practices;
	}

	/**
	 * Each practice's weighted patients in the financial year holding the month, from NHS Payments to General
	 * Practice as the contracts module stores it; none where that year's file is not loaded.
	 */
	private Map<String, BigDecimal> weightedPatients(YearMonth month) {
		FinancialYear year = FinancialYear.containing(month.atDay(1));
		if (!payments.years().contains(year)) {
			return Map.of();
		}
		Map<String, BigDecimal> weighted = new HashMap<>();
		for (PaymentRow row : payments.rows(year, PaymentLevel.PRACTICE, false)) {
			if (row.weightedPatients() != null && row.weightedPatients().signum() > 0) {
				weighted.put(row.orgCode(), row.weightedPatients());
			}
		}
		return weighted;
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

		/** The sum of the figures, withheld if any is; absent if any is absent. */
		void addSum(String name, List<String> parts) {
			BigDecimal sum = BigDecimal.ZERO;
			for (String part : parts) {
				Figure figure = figures.get(part);
				if (figure == null) {
					return;
				}
				if (figure.withheld()) {
					figures.put(name, new Figure(null, true));
					return;
				}
				sum = sum.add(figure.value());
			}
			figures.put(name, new Figure(sum, false));
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
