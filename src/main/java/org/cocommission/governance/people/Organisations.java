package org.cocommission.governance.people;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationType;
import org.cocommission.governance.GovernanceViews.LinkView;
import org.cocommission.governance.shared.GovernanceText;
import org.cocommission.platform.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * The code, name and type of organisations the registers name, checked against the directory through its public API,
 * all the codes of a request in one look-up.
 */
@Component
public class Organisations {

	private final Directory directory;

	Organisations(Directory directory) {
		this.directory = directory;
	}

	public Map<String, OrganisationRef> find(Collection<String> codes) {
		return directory.refs(codes);
	}

	public Optional<OrganisationRef> find(String code) {
		return Optional.ofNullable(find(List.of(code)).get(code));
	}

	/** The links with the directory's name of each organisation they name by code. */
	public List<LinkView> named(List<LinkView> links) {
		Map<String, OrganisationRef> known = find(links.stream()
			.map(LinkView::organisationCode)
			.filter(Objects::nonNull)
			.toList());
		return links.stream().map(link -> {
			OrganisationRef organisation = link.organisationCode() == null ? null : known.get(link.organisationCode());
			return organisation == null ? link : link.withOrganisationName(organisation.name());
		}).toList();
	}

	public void checkCcg(String ccg) {
		OrganisationRef known = find(ccg).orElseThrow(() -> new NoSuchElementException("No organisation has the code " + ccg));
		if (known.type() != OrganisationType.CCG) {
			throw new IllegalArgumentException(ccg + " is not a CCG");
		}
	}

	/** The ODS code, upper-cased and checked against the directory, or null for a free-text body. */
	String checkOrganisation(String code, String bodyName) {
		String normalised = GovernanceText.blankToNull(code);
		return checkCode(code, bodyName, normalised == null ? Map.of() : find(List.of(normalised.toUpperCase())));
	}

	/** As {@link #checkOrganisation} against organisations already looked up together. */
	public static String checkCode(String code, String bodyName, Map<String, OrganisationRef> known) {
		String normalised = GovernanceText.blankToNull(code);
		if (normalised == null) {
			if (GovernanceText.blank(bodyName)) {
				throw new InvalidInputException("organisationCode",
						"Name the organisation: an ODS code from the directory or the body's name");
			}
			return null;
		}
		normalised = normalised.toUpperCase();
		if (!known.containsKey(normalised)) {
			throw new InvalidInputException("organisationCode", "No organisation has the code " + normalised);
		}
		return normalised;
	}
}
