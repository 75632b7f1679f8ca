package org.cocommission.contracts.payments;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.cocommission.contracts.PaymentLevel;
import org.cocommission.contracts.PaymentRow;
import org.cocommission.contracts.Payments;
import org.cocommission.contracts.PaymentsImportRejectedException;
import org.cocommission.contracts.PaymentsImportReport;
import org.cocommission.platform.Exports;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.PageOf;
import org.cocommission.platform.Table;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.util.NumberPointType;
import org.thymeleaf.util.NumberUtils;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.platform.UploadCharset;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The payments pages: the import (national users) and the benchmarks with their table, charts and CSV. */
@Controller
class PaymentsPageController {

	private final Payments payments;

	private final JsonMapper json;

	private final TemplateEngine templates;

	PaymentsPageController(Payments payments, JsonMapper json, TemplateEngine templates) {
		this.payments = payments;
		this.json = json;
		this.templates = templates;
	}

	@GetMapping("/contracts/imports")
	String imports(Model model) {
		model.addAttribute("form", new PaymentsUpload(null, null, UploadCharset.UTF_8));
		return importsPage(model);
	}

	@PostMapping("/contracts/imports")
	String upload(@Valid @ModelAttribute("form") PaymentsUpload form, BindingResult result, Model model)
			throws IOException {
		if (!result.hasErrors() && (form.file() == null || form.file().isEmpty())) {
			result.rejectValue("file", "required", "Choose the CSV file to upload");
		}
		if (result.hasErrors()) {
			return importsPage(model);
		}
		// Decoded strictly as the API's uploads are (platform.StrictText), in the character set chosen on the form; a
		// refusal is a 422 page naming the byte.
		try (InputStream content = UploadCharset.orDefault(form.charset()).decode(form.file().getInputStream())) {
			PaymentsImportReport report = payments.importFile(form.year(),
					form.file().getOriginalFilename(), content);
			model.addAttribute("report", report);
		}
		catch (PaymentsImportRejectedException ex) {
			model.addAttribute("report", ex.report());
		}
		catch (InvalidInputException ex) {
			ex.rejectIn(result);
			return importsPage(model);
		}
		model.addAttribute("fileName", form.file().getOriginalFilename());
		return importsPage(model);
	}

	private String importsPage(Model model) {
		model.addAttribute("recent", payments.recentImports(50));
		model.addAttribute("charsets", UploadCharset.choices());
		return "contracts/imports";
	}

	@GetMapping("/contracts/payments")
	String benchmarks(@RequestParam(required = false) FinancialYear year,
			@RequestParam(name = "level", defaultValue = "ccg") PaymentLevel chosenLevel,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request) {
		List<FinancialYear> years = payments.years();
		model.addAttribute("years", years);
		if (years.isEmpty()) {
			return "contracts/payments";
		}
		FinancialYear chosen = year == null ? years.get(years.size() - 1) : year;
		String practicePath = request.getContextPath() + "/contracts/practices/";
		// kept only for the years stored, so that asking for any other year cannot fill the cache
		boolean stored = years.contains(chosen);
		BenchmarksView view = stored
				? payments.derived("benchmarks-page|" + chosen + "|" + chosenLevel,
						() -> view(years, chosen, chosenLevel))
				: view(years, chosen, chosenLevel);
		PageOf<TableRow> shown = PageOf.of(view.tableRows(), page, ROWS_PER_PAGE);
		String rowsHtml = stored
				? payments.derived("benchmarks-rows|" + chosen + "|" + chosenLevel + "|" + practicePath + "|"
						+ shown.page(), () -> rowsHtml(shown.items(), chosenLevel, practicePath))
				: rowsHtml(shown.items(), chosenLevel, practicePath);
		model.addAttribute("year", chosen.toString());
		model.addAttribute("level", chosenLevel);
		model.addAttribute("levels", PaymentLevel.values());
		model.addAttribute("england", view.england());
		model.addAttribute("englandByType", view.englandByType());
		model.addAttribute("premium", view.premium());
		model.addAttribute("deciles", view.deciles());
		model.addAttribute("rowsHtml", rowsHtml);
		model.addAttribute("shown", shown);
		String pageHref = request.getContextPath() + "/contracts/payments?year=" + chosen + "&level="
				+ chosenLevel.name().toLowerCase(Locale.ROOT) + "&page=";
		model.addAttribute("previousHref", shown.hasPrevious() ? pageHref + (shown.page() - 1) : null);
		model.addAttribute("nextHref", shown.hasNext() ? pageHref + (shown.page() + 1) : null);
		model.addAttribute("trend", view.trend());
		model.addAttribute("trendChart", view.trendChart());
		model.addAttribute("typeChart", view.typeChart());
		return "contracts/payments";
	}

	/**
	 * The benchmarking page's figures for a year and level, worked out and formatted once and kept with the payments'
	 * reads until the next import; each page of the level's table is written once too ({@link #rowsHtml}).
	 */
	record BenchmarksView(List<PaymentRow> england, List<PaymentRow> englandByType, Benchmarks.PmsPremium premium,
			Map<String, List<BigDecimal>> deciles, Map<String, Map<String, BigDecimal>> trend, String trendChart,
			String typeChart, List<TableRow> tableRows) {
	}

	/** A row of the level's table, its figures formatted as the page shows them (pounds, grouped thousands). */
	record TableRow(String orgCode, String shownCode, String orgName, String contractType, String practices,
			String registeredPatients, String weightedPatients, String totalPayments, String perRegisteredPatient,
			String perWeightedPatient) {

		static TableRow of(PaymentRow row) {
			return new TableRow(row.orgCode(), "ENG".equals(row.orgCode()) ? "England" : row.orgCode(), row.orgName(),
					row.contractType(), NumberUtils.format(row.practices(), 1, NumberPointType.COMMA, Locale.UK),
					whole(row.registeredPatients()), whole(row.weightedPatients()), "£" + orEmpty(whole(row.totalPayments())),
					pounds(row.perRegisteredPatient()), pounds(row.perWeightedPatient()));
		}

		private static String whole(BigDecimal value) {
			return NumberUtils.format(value, 1, NumberPointType.COMMA, 0, NumberPointType.POINT, Locale.UK);
		}

		private static String pounds(BigDecimal value) {
			return value == null ? "Not known"
					: "£" + NumberUtils.format(value, 1, NumberPointType.COMMA, 2, NumberPointType.POINT, Locale.UK);
		}

		private static String orEmpty(String text) {
			return text == null ? "" : text;
		}
	}

	/** The level's table a hundred rows a page (England's practices take 80 pages); the CSV has them all. */
	static final int ROWS_PER_PAGE = 100;

	private BenchmarksView view(List<FinancialYear> years, FinancialYear chosen, PaymentLevel chosenLevel) {
		List<PaymentRow> englandByType = payments.rows(chosen, PaymentLevel.ENGLAND, true);
		List<PaymentRow> rows = chosenLevel == PaymentLevel.ENGLAND ? englandByType
				: payments.rows(chosen, chosenLevel, false);
		Map<String, Map<String, BigDecimal>> trend = trend(years);
		return new BenchmarksView(payments.rows(chosen, PaymentLevel.ENGLAND, false), englandByType,
				Benchmarks.pmsPremium(englandByType), payments.deciles(chosen), trend,
				json.writeValueAsString(trendChart(trend)), json.writeValueAsString(typeChart(englandByType)),
				rows.stream().map(TableRow::of).toList());
	}

	/**
	 * A page of the level's table rows as HTML, from their own template: written once per year, level and page, they
	 * cost the page one expression instead of a dozen a row.
	 */
	private String rowsHtml(List<TableRow> rows, PaymentLevel level, String practicePath) {
		Context context = new Context(Locale.UK);
		context.setVariable("rows", rows);
		context.setVariable("practices", level == PaymentLevel.PRACTICE);
		context.setVariable("typed", level == PaymentLevel.PRACTICE || level == PaymentLevel.ENGLAND);
		context.setVariable("practicePath", practicePath);
		return templates.process("contracts/payments-rows", context);
	}

	/** England's payments per weighted patient by type, year by year: year to type to pounds. */
	private Map<String, Map<String, BigDecimal>> trend(List<FinancialYear> years) {
		Map<String, Map<String, BigDecimal>> trend = new LinkedHashMap<>();
		for (FinancialYear year : years) {
			Map<String, BigDecimal> byType = new LinkedHashMap<>();
			payments.rows(year, PaymentLevel.ENGLAND, true)
				.forEach(row -> byType.put(row.contractType(), row.perWeightedPatient()));
			trend.put(year.toString(), byType);
		}
		return trend;
	}

	/** The trend as the chart draws it: years on the axis, one series per contract type. */
	private static Map<String, Object> trendChart(Map<String, Map<String, BigDecimal>> trend) {
		List<String> types = new ArrayList<>();
		trend.values().forEach(byType -> byType.keySet().stream().filter(type -> !types.contains(type)).forEach(types::add));
		List<Map<String, Object>> series = new ArrayList<>();
		for (String type : types) {
			series.add(ordered("name", type, "values",
					trend.values().stream().map(byType -> (Object) byType.get(type)).map(v -> v == null ? "" : v).toList()));
		}
		return ordered("labels", List.copyOf(trend.keySet()), "series", series, "unit", "£ per weighted patient");
	}

	private static Map<String, Object> typeChart(List<PaymentRow> englandByType) {
		return ordered("labels", englandByType.stream().map(PaymentRow::contractType).toList(), "series",
				List.of(ordered("name", "Per registered patient", "values",
						englandByType.stream().map(row -> (Object) row.perRegisteredPatient()).toList()),
						ordered("name", "Per weighted patient", "values",
								englandByType.stream().map(row -> (Object) row.perWeightedPatient()).toList())),
				"unit", "£ per patient");
	}

	/** A chart's keys in the order given, so that its JSON is the same from one start to the next (Map.of's is not). */
	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	@GetMapping("/contracts/payments.csv")
	ResponseEntity<String> csv(@RequestParam(name = "year") FinancialYear chosen,
			@RequestParam(name = "level", defaultValue = "practice") PaymentLevel chosenLevel) {
		List<List<Object>> rows = new ArrayList<>();
		for (PaymentRow row : payments.rows(chosen, chosenLevel, chosenLevel == PaymentLevel.ENGLAND)) {
			rows.add(java.util.Arrays.asList(row.orgCode(), row.orgName(),
					row.contractType() == null ? "" : row.contractType(), row.practices(), row.registeredPatients(),
					row.weightedPatients(), row.totalPayments(), row.perRegisteredPatient(), row.perWeightedPatient()));
		}
		return Exports.csvDownload(new Table("NHS payments to general practice " + chosen,
				List.of("Code", "Name", "Contract type", "Practices", "Registered patients", "Weighted patients",
						"Total NHS payments (GBP)", "Per registered patient (GBP)", "Per weighted patient (GBP)"),
				rows), "nhs-payments-" + chosen.toString().replace('/', '-') + "-" + chosenLevel.name().toLowerCase()
						+ ".csv");
	}
}
