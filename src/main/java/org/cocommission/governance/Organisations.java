package org.cocommission.governance;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.cocommission.directory.OrganisationType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The code, name and type of organisations the registers name, checked against the directory. Directory.find builds a
 * whole organisation page (list sizes, parent chain, a scan of the registered-patient extracts for a CCG), far too
 * much for a code check made for every declaration, link and agenda item, so this reads the directory's organisation
 * table in one query for all the codes at once, as the register queries already join it for names.
 */
@Component
class Organisations {

	record Known(String code, String name, OrganisationType type) {
	}

	private final JdbcClient jdbc;

	Organisations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, Known> find(Collection<String> codes) {
		Map<String, Known> found = new HashMap<>();
		if (codes.isEmpty()) {
			return found;
		}
		jdbc.sql("select code, name, type from directory_organisation where code in (:codes)")
			.param("codes", List.copyOf(codes))
			.query(rs -> {
				found.put(rs.getString(1),
						new Known(rs.getString(1), rs.getString(2), OrganisationType.valueOf(rs.getString(3))));
			});
		return found;
	}

	Optional<Known> find(String code) {
		return Optional.ofNullable(find(List.of(code)).get(code));
	}

	void checkCcg(String ccg) {
		Known known = find(ccg).orElseThrow(() -> new NoSuchElementException("No organisation has the code " + ccg));
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
	static String checkCode(String code, String bodyName, Map<String, Known> known) {
		String normalised = GovernanceText.blankToNull(code);
		if (normalised == null) {
			if (GovernanceText.blank(bodyName)) {
				throw new IllegalArgumentException("Name the organisation: an ODS code from the directory or the body's name");
			}
			return null;
		}
		normalised = normalised.toUpperCase();
		if (!known.containsKey(normalised)) {
			throw new IllegalArgumentException("No organisation has the code " + normalised);
		}
		return normalised;
	}
}
