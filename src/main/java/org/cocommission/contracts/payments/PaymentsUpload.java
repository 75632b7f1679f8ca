package org.cocommission.contracts.payments;

import jakarta.validation.constraints.NotNull;

import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.UploadCharset;

import org.springframework.web.multipart.MultipartFile;

/**
 * The upload form: the financial year the file is for ({@code 2014/15}, read by the FinancialYear converter, which
 * makes one that is not a year a field error), the file as published (checked by the controller) and its character
 * set (UTF-8 when none is chosen).
 */
record PaymentsUpload(@NotNull(message = "Enter the financial year of the file, such as 2014/15") FinancialYear year,
		MultipartFile file, UploadCharset charset) {
}
