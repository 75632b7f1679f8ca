package org.cocommission.authorisation.applications;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The panel's decision on an application: a finding per criterion code ({@code findings[1.1]=MET}), and whether the
 * panel does not authorise the CCG at all. That every criterion has a finding is checked by
 * {@link AuthorisationApplications#decide}, which knows the framework.
 */
public record DecisionForm(Map<String, FindingChoice> findings, Boolean notAuthorised) {

	public DecisionForm {
		// A plain map: the binder sets keyed values into it after construction.
		findings = findings == null ? new LinkedHashMap<>() : new LinkedHashMap<>(findings);
	}
}
