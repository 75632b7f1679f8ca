package org.cocommission.contracts.payments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.multipart.MultipartFile;

/** The upload form: the financial year the file is for, and the file as published (checked by the controller). */
record PaymentsUpload(
		@NotBlank(message = YEAR_MESSAGE) @Pattern(regexp = "\\d{4}/\\d{2}", message = YEAR_MESSAGE) String year,
		MultipartFile file) {

	private static final String YEAR_MESSAGE = "Enter the financial year of the file, such as 2014/15";
}
