package org.cocommission.contracts.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.cocommission.contracts.Contract;
import org.cocommission.contracts.ContractRegister;
import org.cocommission.contracts.ContractSummary;
import org.cocommission.contracts.ContractType;
import org.cocommission.contracts.PaymentLevel;
import org.cocommission.contracts.PaymentRow;
import org.cocommission.contracts.Payments;
import org.cocommission.contracts.payments.Benchmarks;
import org.cocommission.contracts.payments.PaymentsStore;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Exports;
import org.cocommission.platform.PageOf;
import org.cocommission.platform.Table;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The register's pages: the list with its filters and CSV, and a practice's contract. */
@Controller
class RegisterPageController {

	private static final int PAGE_SIZE = 50;

	private final ContractRegister register;

	private final Payments payments;

	RegisterPageController(ContractRegister register, Payments payments) {
		this.register = register;
		this.payments = payments;
	}

	@GetMapping("/contracts")
	String register(@Valid @ModelAttribute("form") RegisterParams form, BindingResult result,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("types", types());
		model.addAttribute("canImport", payments.canImport());
		if (result.hasErrors()) {
			model.addAttribute("result", new PageOf<ContractSummary>(List.of(), 0, PAGE_SIZE, 0));
			return "contracts/register";
		}
		PageOf<ContractSummary> found = register.search(form.filter(), Math.max(page, 0), PAGE_SIZE);
		model.addAttribute("result", found);
		model.addAttribute("query", query(form));
		return "contracts/register";
	}

	@GetMapping("/contracts.csv")
	ResponseEntity<String> csv(@Valid RegisterParams params) {
		return Exports.csvDownload(table(params), "gp-contracts.csv");
	}

	/** The same rows as the CSV, as a spreadsheet (list sizes as numbers). */
	@GetMapping("/contracts.xlsx")
	ResponseEntity<byte[]> xlsx(@Valid RegisterParams params) {
		return Exports.xlsxDownload("gp-contracts.xlsx", table(params));
	}

	private Table table(RegisterParams params) {
		List<List<Object>> rows = new ArrayList<>();
		for (ContractSummary contract : register.export(params.filter())) {
			rows.add(List.of(contract.practiceCode(), text(contract.practiceName()), contract.contractType().name(),
					contract.contractorKind().label(), text(contract.startDate()), text(contract.endDate()),
					contract.listSize() == null ? "" : contract.listSize(), contract.dispensing() ? "Yes" : "No"));
		}
		return new Table("GP contracts", List.of("Practice code", "Practice name", "Contract type", "Contractor",
				"Start date", "End date", "List size", "Dispensing"), rows);
	}

	@GetMapping("/contracts/practices/{code}")
	String contract(@PathVariable String code, Model model) {
		Contract contract = register.get(code.toUpperCase());
		model.addAttribute("contract", contract);
		// once the viewer may see the practice (checked by the register): its payments and peers, kept as one value
		// until the next import, so that the page asks whether the payments changed once, not once a read a year
		PracticePayments kept = payments.derived("practice-page|" + contract.practiceCode(), () -> {
			List<PaymentsStore.PracticeYearRow> years = payments.practiceYears(contract.practiceCode());
			return new PracticePayments(List.copyOf(years), List.copyOf(peers(years)));
		});
		model.addAttribute("paymentYears", kept.years());
		model.addAttribute("peers", kept.peers());
		return "contracts/contract";
	}

	/** A practice's payments year by year and its peers', as its page shows them. */
	record PracticePayments(List<PaymentsStore.PracticeYearRow> years, List<PeerRow> peers) {
	}

	/**
	 * The practice against its peers, year by year: its payments per weighted patient, its CCG's (as the file gives
	 * the CCG), England's for its contract type, and the tenth of its type's practices it falls in.
	 */
	record PeerRow(String year, String contractType, BigDecimal practice, BigDecimal ccg, String ccgCode,
			BigDecimal englandSameType, Integer tenth) {
	}

	private List<PeerRow> peers(List<PaymentsStore.PracticeYearRow> years) {
		List<PeerRow> peers = new ArrayList<>();
		for (PaymentsStore.PracticeYearRow row : years) {
			FinancialYear year = new FinancialYear(row.yearStart());
			// the CCG's row among the year's CCG rows, which are kept until the next import, rather than a query
			// over the year's payments for each year of each practice page
			BigDecimal ccg = row.ccgCode() == null ? null
					: payments.rows(year, PaymentLevel.CCG, false)
						.stream()
						.filter(each -> row.ccgCode().equals(each.orgCode()))
						.findFirst()
						.map(PaymentRow::perWeightedPatient)
						.orElse(null);
			BigDecimal england = payments.rows(year, PaymentLevel.ENGLAND, true)
				.stream()
				.filter(type -> type.contractType().equals(row.contractType()))
				.findFirst()
				.map(PaymentRow::perWeightedPatient)
				.orElse(null);
			Integer tenth = Benchmarks.tenthOf(payments.deciles(year).get(row.contractType()),
					row.perWeightedPatient());
			peers.add(new PeerRow(row.year(), row.contractType(), row.perWeightedPatient(), ccg, row.ccgCode(), england,
					tenth));
		}
		return peers;
	}

	private static Object text(Object value) {
		return value == null ? "" : value instanceof LocalDate date ? date.toString() : value;
	}

	/** The filter as query parameters, for the pages' links and the CSV. */
	private static String query(RegisterParams form) {
		StringBuilder query = new StringBuilder();
		append(query, "type", form.type() == null ? null : form.type().name());
		append(query, "ccg", form.ccg());
		append(query, "endingWithin", form.endingWithin() == null ? null : form.endingWithin().toString());
		append(query, "practice", form.practice());
		return query.toString();
	}

	private static void append(StringBuilder query, String name, String value) {
		if (value != null && !value.isBlank()) {
			query.append(query.isEmpty() ? "" : "&").append(name).append('=')
				.append(java.net.URLEncoder.encode(value.trim(), java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	private static Map<String, String> types() {
		Map<String, String> types = new LinkedHashMap<>();
		types.put("", "Any type");
		for (ContractType type : ContractType.values()) {
			types.put(type.name(), type.label());
		}
		return types;
	}
}
