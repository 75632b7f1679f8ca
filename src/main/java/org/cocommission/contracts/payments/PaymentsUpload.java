package org.cocommission.contracts.payments;

import jakarta.validation.constraints.NotNull;

import org.cocommission.platform.FinancialYear;

import org.springframework.web.multipart.MultipartFile;

/**
 * The upload form: the financial year the file is for ({@code 2014/15}, read by the FinancialYear converter, which
 * makes one that is not a year a field error), and the file as published (checked by the controller).
 */
record PaymentsUpload(@NotNull(message = "Enter the financial year of the file, such as 2014/15") FinancialYear year,
		MultipartFile file) {
}
