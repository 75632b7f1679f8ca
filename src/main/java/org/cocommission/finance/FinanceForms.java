package org.cocommission.finance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.cocommission.directory.PopulationQueries;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

/** Reading what people type on the finance pages: every field checked, every problem reported against its field. */
final class FinanceForms {

	/** The run form; growth figures are percentages as typed (2.14 means 2.14%). */
	record RunForm(String name, String year, String programme, String formulaId, String envelope,
			String specialisedEnvelope, String minimumGrowth, String maximumGrowth, String gapClosure,
			String overTargetFloor) {

		static RunForm from(RunView run) {
			return new RunForm(run.name(), run.year().toString(), run.programme().name(), String.valueOf(run.formulaId()),
					run.envelope().pounds().toPlainString(), run.specialisedEnvelope().pounds().toPlainString(),
					percent(run.pace().minimumGrowth()), percent(run.pace().maximumGrowth()),
					percent(run.pace().gapClosure()), percent(run.pace().overTargetFloor()));
		}
	}

	/** A request, or the problems found, keyed by field name. */
	record Parsed<T>(T value, Map<String, String> errors) {

		boolean ok() {
			return errors.isEmpty();
		}
	}

	private FinanceForms() {
	}

	static Parsed<RunRequest> run(RunForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		FinancialYear year = parse(errors, "year", () -> FinancialYear.parse(form.year()));
		Programme programme = parse(errors, "programme", () -> {
			try {
				return Programme.valueOf(form.programme());
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("Choose a programme");
			}
		});
		Long formulaId = parse(errors, "formulaId", () -> {
			try {
				return Long.parseLong(form.formulaId());
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("Choose a published formula");
			}
		});
		Money envelope = parse(errors, "envelope", () -> money(form.envelope(), "the envelope"));
		Money specialised = form.specialisedEnvelope() == null || form.specialisedEnvelope().isBlank() ? Money.ZERO
				: parse(errors, "specialisedEnvelope", () -> money(form.specialisedEnvelope(), "the specialised envelope"));
		if (envelope != null && envelope.signum() <= 0) {
			errors.put("envelope", "The envelope must be a positive amount, not " + envelope.formatted());
		}
		if (specialised != null && specialised.isNegative()) {
			errors.put("specialisedEnvelope", "The specialised envelope cannot be negative");
		}
		BigDecimal minimum = parse(errors, "minimumGrowth", () -> fraction(form.minimumGrowth(), "Minimum growth"));
		BigDecimal maximum = parse(errors, "maximumGrowth", () -> fraction(form.maximumGrowth(), "Maximum growth"));
		BigDecimal gap = parse(errors, "gapClosure", () -> fraction(form.gapClosure(), "The share of the gap closed"));
		BigDecimal floor = parse(errors, "overTargetFloor", () -> fraction(form.overTargetFloor(), "The floor"));
		PaceOfChange pace = errors.keySet().stream().anyMatch(key -> key.endsWith("Growth") || key.equals("gapClosure")
				|| key.equals("overTargetFloor")) ? null
						: parse(errors, "minimumGrowth", () -> new PaceOfChange(minimum, maximum, gap, floor));
		if (!errors.isEmpty()) {
			return new Parsed<>(null, errors);
		}
		return new Parsed<>(new RunRequest(form.name() == null ? "" : form.name(), year, programme, formulaId, null,
				envelope, specialised, pace), errors);
	}

	static Parsed<FormulaDraft> formula(Map<String, String> fields) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = fields.getOrDefault("name", "").trim();
		if (name.isEmpty()) {
			errors.put("name", "Enter a name for the formula");
		}
		FinancialYear year = parse(errors, "year", () -> FinancialYear.parse(fields.get("year")));
		BigDecimal ccg = parse(errors, "inequalitiesShareCcg",
				() -> fraction(fields.get("inequalitiesShareCcg"), "The CCG inequalities adjustment"));
		BigDecimal primary = parse(errors, "inequalitiesSharePrimaryCare",
				() -> fraction(fields.get("inequalitiesSharePrimaryCare"), "The primary care inequalities adjustment"));
		Map<String, BigDecimal> male = new LinkedHashMap<>();
		Map<String, BigDecimal> female = new LinkedHashMap<>();
		for (String band : PopulationQueries.AGE_BANDS) {
			for (String sex : new String[] { "male", "female" }) {
				String field = sex + "_" + band;
				String text = fields.get(field);
				if (text == null || text.isBlank()) {
					errors.put(field, "Enter the " + sex + " weight for " + band.replace('_', '-'));
					continue;
				}
				BigDecimal weight = parse(errors, field, () -> decimal(text, "The " + sex + " weight for " + band));
				if (weight != null && weight.signum() < 0) {
					errors.put(field, "The " + sex + " weight for " + band.replace('_', '-') + " cannot be negative");
				}
				if (weight != null) {
					("male".equals(sex) ? male : female).put(band, weight);
				}
			}
		}
		if (!errors.isEmpty()) {
			return new Parsed<>(null, errors);
		}
		Map<String, BigDecimal> globalSum = new LinkedHashMap<>();
		fields.forEach((key, value) -> {
			if (key.startsWith("gs_") && value != null && !value.isBlank()) {
				BigDecimal parsed = parse(errors, key, () -> decimal(value, key.substring(3)));
				if (parsed != null) {
					globalSum.put(key.substring(3), parsed);
				}
			}
		});
		FormulaDraft draft = parse(errors, "name",
				() -> new FormulaDraft(name, year, ccg, primary, new CostCurve(male, female), globalSum));
		return new Parsed<>(errors.isEmpty() ? draft : null, errors);
	}

	/**
	 * Per-CCG indices pasted one CCG a line as {@code code,additional need,market forces factor,inequality index}
	 * (a header line starting "code" is skipped); every bad line is reported.
	 */
	static Parsed<List<CcgFactor>> ccgFactors(String text) {
		return pasted(text, new PastedTable<>("factors", "CCG",
				"code, additional need, market forces factor, inequality index",
				cells -> new CcgFactor(cells[0], decimal(cells[1], "The additional need"),
						decimal(cells[2], "The market forces factor"), decimal(cells[3], "The inequality index")),
				CcgFactor::ccgCode));
	}

	/**
	 * Per-practice global sum indices pasted one practice a line as {@code code,additional needs,list turnover,market
	 * forces factor,rurality,nursing home patients}; a header line starting "code" is skipped.
	 */
	static Parsed<List<PracticeFactor>> practiceFactors(String text) {
		return pasted(text, new PastedTable<>("practiceFactors", "practice",
				"code, additional needs, list turnover, market forces factor, rurality, nursing home patients", cells -> {
					BigDecimal patients = decimal(cells[5], "The number of nursing home patients");
					if (patients.stripTrailingZeros().scale() > 0) {
						throw new IllegalArgumentException("The number of nursing home patients must be a whole number");
					}
					return new PracticeFactor(cells[0], decimal(cells[1], "The additional needs index"),
							decimal(cells[2], "The list turnover index"), decimal(cells[3], "The market forces factor"),
							decimal(cells[4], "The rurality index"), patients.longValueExact());
				}, PracticeFactor::practiceCode));
	}

	/** A table people paste from a spreadsheet: its form field, what each line is, its columns and how a line reads. */
	private record PastedTable<T>(String field, String organisation, String columns, Function<String[], T> row,
			Function<T, String> code) {

		int width() {
			return columns.split(",").length;
		}
	}

	/** Reads every line (blank lines and a header starting "code" skipped), reporting each bad or repeated line. */
	private static <T> Parsed<List<T>> pasted(String text, PastedTable<T> table) {
		List<T> values = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		String[] lines = text == null ? new String[0] : text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].trim();
			if (line.isEmpty() || line.toLowerCase().startsWith("code")) {
				continue;
			}
			String[] cells = line.split("[,\\t]");
			if (cells.length != table.width()) {
				problems.add("Line " + (i + 1) + " needs " + table.width() + " values (" + table.columns() + "), not "
						+ cells.length);
				continue;
			}
			cells[0] = cells[0].trim().toUpperCase();
			try {
				T value = table.row().apply(cells);
				values.add(value);
				if (!seen.add(table.code().apply(value))) {
					problems.add("Line " + (i + 1) + ": " + table.organisation() + " " + cells[0] + " appears twice");
				}
			}
			catch (IllegalArgumentException | ArithmeticException ex) {
				problems.add("Line " + (i + 1) + ": " + ex.getMessage());
			}
		}
		if (problems.size() > 10) {
			int more = problems.size() - 10;
			problems = new ArrayList<>(problems.subList(0, 10));
			problems.add("and " + more + " more problems");
		}
		Map<String, String> errors = problems.isEmpty() ? Map.of() : Map.of(table.field(), String.join("; ", problems));
		return new Parsed<>(errors.isEmpty() ? values : null, errors);
	}

	static String percent(BigDecimal fraction) {
		return fraction.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
	}

	static BigDecimal fraction(String text, String what) {
		return decimal(text, what).divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
	}

	private static BigDecimal decimal(String text, String what) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException(what + " is required");
		}
		try {
			return new BigDecimal(text.trim().replace(",", "").replace("%", ""));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(what + " must be a number, not '" + text + "'");
		}
	}

	private static Money money(String text, String what) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("Enter " + what + " in pounds");
		}
		return Money.ofPounds(text);
	}

	private static <T> T parse(Map<String, String> errors, String field, java.util.function.Supplier<T> parser) {
		try {
			return parser.get();
		}
		catch (IllegalArgumentException ex) {
			errors.putIfAbsent(field, ex.getMessage());
			return null;
		}
	}
}
