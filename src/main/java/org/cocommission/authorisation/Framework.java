package org.cocommission.authorisation;

import java.util.List;
import java.util.Set;

/**
 * A version of an authorisation framework: its domains and their criteria. {@code criteriaTotal} is how many criteria
 * the framework has in full, which may be more than are held as data (docs/domain-rules.md).
 */
public record Framework(long id, String name, int version, int criteriaTotal, List<Domain> domains) {

	public record Domain(int number, String name, List<Criterion> criteria) {
	}

	public record Criterion(String code, int domainNumber, String text, String evidence,
			Set<AssessmentMethod> assessedBy) {
	}

	public int criteriaHeld() {
		return domains.stream().mapToInt(domain -> domain.criteria().size()).sum();
	}
}
