package org.cocommission;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	/** The production classes' modules, imported once per test JVM with the module tests' (see ProductionModules). */
	private final ApplicationModules modules = ProductionModules.ofTheApplication();

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		modules.verify();
	}

	/**
	 * Writes the full documentation to {@code target/spring-modulith-docs}: the overall component diagram
	 * ({@code components.puml}), one diagram and one canvas ({@code module-*.adoc}, listing the module's API types
	 * and the events it publishes and listens to) per module, and an aggregating document. docs/architecture.md
	 * explains how to refresh the copy committed under docs/modules.
	 */
	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}
}
