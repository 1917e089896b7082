package io.hyperx.identity;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Identity's package rules (the app-wide ArchUnit suite covers the contexts between each other). */
@AnalyzeClasses(packages = "io.hyperx.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class IdentityArchitectureTest {

    @ArchTest
    static final ArchRule apiImportsOnlyJavaTheKernelAndTheAggregateIdentifierAnnotation = classes()
            .that().resideInAPackage("io.hyperx.identity.api..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "io.hyperx.identity.api..",
                    "io.hyperx.kernel..").or(type(TargetAggregateIdentifier.class)));

    @ArchTest
    static final ArchRule domainDoesNotImportWebQueryOrInfra = noClasses()
            .that().resideInAPackage("io.hyperx.identity.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.hyperx.identity.web..",
                    "io.hyperx.identity.query..", "io.hyperx.identity.infra..", "io.hyperx.identity.application..",
                    "org.springframework.web..", "jakarta.persistence..", "org.springframework.data..");

    @ArchTest
    static final ArchRule queryDoesNotImportTheCommandSide = noClasses()
            .that().resideInAPackage("io.hyperx.identity.query..")
            .should().dependOnClassesThat().resideInAnyPackage("io.hyperx.identity.domain..",
                    "io.hyperx.identity.application..", "io.hyperx.identity.web..", "io.hyperx.identity.infra..");

    @ArchTest
    static final ArchRule applicationDoesNotImportWebOrInfra = noClasses()
            .that().resideInAPackage("io.hyperx.identity.application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.hyperx.identity.web..",
                    "io.hyperx.identity.infra..");
}
