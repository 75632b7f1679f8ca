package org.cocommission;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	/** The boundaries are those of the production code; tests may reach into the module they test. */
	private static final DescribedPredicate<JavaClass> TEST_CLASSES = DescribedPredicate.describe("test classes",
			type -> type.getSource().map(source -> source.getUri().toString().contains("/test-classes/")).orElse(false));

	private final ApplicationModules modules = ApplicationModules.of(CoCommissionApplication.class, TEST_CLASSES);

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
