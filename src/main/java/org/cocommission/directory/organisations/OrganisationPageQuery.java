package org.cocommission.directory.organisations;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

import org.cocommission.directory.Directory.ListSort;

/** An organisation page's query parameters: the day to show it on, and how its children are sorted. */
public record OrganisationPageQuery(@DateTimeFormat(iso = ISO.DATE) LocalDate date, String sort, String dir) {

	public LocalDate orElse(LocalDate today) {
		return date == null ? today : date;
	}

	ListSort childSort() {
		return ListSort.parse(OrganisationsQuery.blankToNull(sort));
	}

	boolean descending() {
		return OrganisationsQuery.descending(dir);
	}
}
