package org.cocommission.contracts.payments;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import org.cocommission.contracts.PaymentLevel;
import org.cocommission.contracts.PaymentRow;
import org.cocommission.contracts.Payments;
import org.cocommission.contracts.PaymentsImport;
import org.cocommission.contracts.PaymentsImportRejectedException;
import org.cocommission.contracts.PaymentsImportReport;
import org.cocommission.contracts.PaymentsSummary;
import org.cocommission.platform.FinancialYear;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** NHS Payments to General Practice for machines: the import (national users) and the totals at each level. */
@RestController
@RequestMapping("/api/v1/contracts")
class PaymentsApiController {

	private final Payments payments;

	PaymentsApiController(Payments payments) {
		this.payments = payments;
	}

	@Operation(summary = "Import a year's NHS Payments to General Practice file as published (text/csv)",
			description = "200 with the report when stored; 422 with the report, and nothing stored, on any error."
					+ " A re-import of a year replaces it.")
	@PostMapping("/imports/nhs-payments")
	PaymentsImportReport importPayments(@RequestParam FinancialYear year,
			@RequestParam(required = false) String fileName, HttpServletRequest request) throws IOException {
		return payments.importFile(year, fileName != null ? fileName
				: "nhs-payments-to-general-practice-" + year.toString().replace('/', '-') + ".csv",
				request.getInputStream());
	}

	@GetMapping("/imports")
	List<PaymentsImport> imports() {
		return payments.recentImports(100);
	}

	@Operation(summary = "Practices stored for a year, by contract type as published")
	@GetMapping("/summary")
	PaymentsSummary summary(@RequestParam FinancialYear year) {
		return payments.summary(year);
	}

	@Operation(summary = "Payments per registered and weighted patient at practice, ccg, area or england level",
			description = "Totals use the file's 'Total NHS Payments to General Practice'. byType splits each"
					+ " organisation's totals by contract type.")
	@GetMapping("/payments")
	List<PaymentRow> payments(@RequestParam FinancialYear year,
			@RequestParam(defaultValue = "practice") PaymentLevel level,
			@RequestParam(defaultValue = "false") boolean byType) {
		return payments.rows(year, level, byType);
	}

	@ExceptionHandler(PaymentsImportRejectedException.class)
	ResponseEntity<PaymentsImportReport> rejected(PaymentsImportRejectedException ex) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(ex.report());
	}
}
