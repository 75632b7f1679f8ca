package org.cocommission.directory;

/** Enough of an organisation to name and link it. */
public record OrganisationRef(String code, String name, OrganisationType type) {
}
