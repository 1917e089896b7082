package io.hyperx.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The product's classes keep the context boundaries of DESIGN.md. */
@AnalyzeClasses(packages = "io.hyperx", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "io.hyperx";

    @ArchTest
    static final ArchRule contexts_reach_other_contexts_only_through_api =
            ContextBoundaries.contextsTouchOthersOnlyThroughApi(ROOT);

    @ArchTest
    static final ArchRule api_packages_have_no_framework_dependencies =
            ContextBoundaries.apiHasNoFrameworkDependencies(ROOT);

    @ArchTest
    static final ArchRule domain_does_not_depend_on_web_query_infra_mvc_or_jpa =
            ContextBoundaries.domainIsFreeOfInfrastructure(ROOT);

    @ArchTest
    static final ArchRule no_cycles_between_contexts = ContextBoundaries.noCyclesBetweenContexts(ROOT);

    @ArchTest
    static final ArchRule kernel_depends_only_on_java = ContextBoundaries.kernelIsPlainJava(ROOT);

    @ArchTest
    static final ArchRule platform_depends_on_no_context = ContextBoundaries.platformKnowsNoContext(ROOT);
}
