package org.cocommission;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.ApplicationModulesFactory;

/**
 * The application's modules as the production classes make them, for {@link ModularityTests} and, registered in
 * {@code META-INF/spring.factories}, for every {@code @ApplicationModuleTest}: both ask {@link ApplicationModules}' cache
 * with the same key, so the test JVM imports and analyses the classes once (about 12 s on a quiet machine), not once for
 * the module tests and again for the verification.
 */
public class ProductionModules implements ApplicationModulesFactory {

	/**
	 * The boundaries are those of the production code; tests may reach into the module they test. Maven's
	 * {@code target/test-classes} are left out by the import already; this also leaves them out of a build directory
	 * given with {@code -Dcc.build.dir}.
	 */
	private static final DescribedPredicate<JavaClass> TEST_CLASSES = DescribedPredicate.describe("test classes",
			type -> type.getSource().map(source -> source.getUri().toString().contains("/test-classes/")).orElse(false));

	static ApplicationModules ofTheApplication() {
		return ApplicationModules.of(CoCommissionApplication.class, TEST_CLASSES);
	}

	@Override
	public ApplicationModules of(Class<?> applicationClass) {
		return ApplicationModules.of(applicationClass, TEST_CLASSES);
	}
}
