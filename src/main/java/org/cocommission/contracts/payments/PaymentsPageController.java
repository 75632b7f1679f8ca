package org.cocommission.contracts.payments;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.cocommission.contracts.PaymentLevel;
import org.cocommission.contracts.PaymentRow;
import org.cocommission.contracts.Payments;
import org.cocommission.contracts.PaymentsImportRejectedException;
import org.cocommission.contracts.PaymentsImportReport;
import org.cocommission.platform.Exports;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Table;

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

	PaymentsPageController(Payments payments, JsonMapper json) {
		this.payments = payments;
		this.json = json;
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
			@RequestParam(name = "level", defaultValue = "ccg") PaymentLevel chosenLevel, Model model) {
		List<FinancialYear> years = payments.years();
		model.addAttribute("years", years);
		if (years.isEmpty()) {
			return "contracts/payments";
		}
		FinancialYear chosen = year == null ? years.get(years.size() - 1) : year;
		List<PaymentRow> englandByType = payments.rows(chosen, PaymentLevel.ENGLAND, true);
		model.addAttribute("year", chosen.toString());
		model.addAttribute("level", chosenLevel);
		model.addAttribute("levels", PaymentLevel.values());
		model.addAttribute("england", payments.rows(chosen, PaymentLevel.ENGLAND, false));
		model.addAttribute("englandByType", englandByType);
		model.addAttribute("premium", Benchmarks.pmsPremium(englandByType));
		model.addAttribute("deciles", Benchmarks.decilesByType(payments.practiceRates(chosen)));
		model.addAttribute("rows", chosenLevel == PaymentLevel.ENGLAND ? englandByType
				: payments.rows(chosen, chosenLevel, false));
		Map<String, Map<String, BigDecimal>> trend = trend(years);
		model.addAttribute("trend", trend);
		model.addAttribute("trendChart", json.writeValueAsString(trendChart(trend)));
		model.addAttribute("typeChart", json.writeValueAsString(typeChart(englandByType)));
		return "contracts/payments";
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
			series.add(Map.of("name", type, "values",
					trend.values().stream().map(byType -> (Object) byType.get(type)).map(v -> v == null ? "" : v).toList()));
		}
		return Map.of("labels", List.copyOf(trend.keySet()), "series", series, "unit", "£ per weighted patient");
	}

	private static Map<String, Object> typeChart(List<PaymentRow> englandByType) {
		return Map.of("labels", englandByType.stream().map(PaymentRow::contractType).toList(), "series",
				List.of(Map.of("name", "Per registered patient", "values",
						englandByType.stream().map(row -> (Object) row.perRegisteredPatient()).toList()),
						Map.of("name", "Per weighted patient", "values",
								englandByType.stream().map(row -> (Object) row.perWeightedPatient()).toList())),
				"unit", "£ per patient");
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
