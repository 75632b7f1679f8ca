package org.cocommission.directory.coverage;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** The coverage page asked for: the day (today when none), the page of practices from 1, and practices a page. */
public record CoverageQuery(@DateTimeFormat(iso = ISO.DATE) LocalDate date,
		@Min(value = 1, message = "Pages are numbered from 1") Integer page,
		@Min(value = 1, message = "Show at least 1 practice a page") @Max(value = 500, message = "Show at most 500 practices a page") Integer size) {

	public LocalDate orElse(LocalDate today) {
		return date == null ? today : date;
	}

	int pageOrFirst() {
		return page == null ? 1 : page;
	}

	int sizeOrDefault() {
		return size == null ? CoverageView.PAGE_SIZE : size;
	}
}
