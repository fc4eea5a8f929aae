package org.gonghui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/** Package-private by default: entities, repositories and controllers stay inside their module. */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.gonghui");

	@Test
	void repositoriesAreNotPublic() {
		classes().that().areAnnotatedWith(Repository.class).should().notHaveModifier(JavaModifier.PUBLIC).check(classes);
	}

	@Test
	void onlyServicesArePublicInsideInternalPackages() {
		// Entities (records such as Organization, Employer, Account) and helpers stay package-private;
		// a service's nested DTO records may be public because pages and the API return them.
		classes().that().resideInAPackage("..internal..").and().areTopLevelClasses().and().haveModifier(JavaModifier.PUBLIC)
			.should().beAnnotatedWith(Service.class)
			.check(classes);
	}

	@Test
	void controllersAreNotPublicAndLiveInWebPackages() {
		classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
			.should().notHaveModifier(JavaModifier.PUBLIC)
			.andShould().resideInAPackage("..web..")
			.check(classes);
	}

	@Test
	void sharedValueTypesDoNotDependOnSpringBeansOrModules() {
		noClasses().that().resideInAPackage("org.gonghui.shared..")
			.should().dependOnClassesThat().resideInAnyPackage("org.gonghui.platform..", "org.gonghui.organization..",
					"org.springframework.stereotype..", "org.springframework.jdbc..")
			.check(classes);
	}

	@Test
	void webLayerDoesNotTouchTheDatabase() {
		noClasses().that().resideInAPackage("..web..")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
			.check(classes);
	}
}
