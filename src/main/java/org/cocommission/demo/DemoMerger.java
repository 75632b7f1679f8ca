package org.cocommission.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * A CCG merger of the demo directory: the {@code predecessors} closed the day before {@code effective}, when their
 * open practices moved to the new CCG {@code code} in the same area team (docs/domain-rules.md, "The demo's CCG
 * merger").
 */
public record DemoMerger(String code, String name, String areaTeam, List<String> predecessors, LocalDate effective) {

	public DemoMerger {
		predecessors = List.copyOf(predecessors);
	}
}
