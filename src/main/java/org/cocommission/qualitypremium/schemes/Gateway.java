package org.cocommission.qualitypremium.schemes;

/** A gateway: a CCG that fails it earns no quality premium at all. */
public record Gateway(String code, String name) {

	public Gateway {
		if (code == null || !code.matches("[A-Z0-9_]{1,20}") || name == null || name.isBlank()) {
			throw new IllegalArgumentException("A gateway needs a code and a name");
		}
	}
}
