package org.cocommission.directory.structure;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** The day to look at the directory on, from the {@code date} query parameter: today when none is given. */
public record OnDate(@Parameter(description = "YYYY-MM-DD") @DateTimeFormat(iso = ISO.DATE) LocalDate date) {

	public LocalDate orElse(LocalDate today) {
		return date == null ? today : date;
	}
}
