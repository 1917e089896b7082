package io.hyperx.app.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Set;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The context boundaries of DESIGN.md, as ArchUnit rules over a root package: {@code io.hyperx} for the product,
 * a fixture root with deliberate violations to prove each rule can fail. Rules over packages that a young
 * codebase may not have yet ({@code api}, {@code domain}) allow an empty selection; the fixtures prove they bite.
 */
final class ContextBoundaries {

    /** Packages under the root that are not bounded contexts. */
    private static final Set<String> NOT_CONTEXTS = Set.of("kernel", "platform", "app", "testsupport");

    private static final String TARGET_AGGREGATE_IDENTIFIER =
            "org.axonframework.modelling.command.TargetAggregateIdentifier";

    private ContextBoundaries() {
    }

    /** (a) A context reaches another context only through that context's {@code api} package. */
    static ArchRule contextsTouchOthersOnlyThroughApi(String root) {
        return classes().that().resideInAPackage(root + "..")
                .and(resideInAContext(root))
                .should(onlyReachOtherContextsThroughApi(root))
                .as("contexts reach other contexts only through their api package");
    }

    /** (b) {@code api} packages are plain contracts: java, kernel, other api packages, @TargetAggregateIdentifier. */
    static ArchRule apiHasNoFrameworkDependencies(String root) {
        return classes().that().resideInAPackage(root + ".*.api..")
                .should().onlyDependOnClassesThat(plainContract(root))
                .as("api packages depend only on java, the kernel, api packages and @TargetAggregateIdentifier")
                .allowEmptyShould(true);
    }

    /** (c) The domain knows nothing of web, queries, adapters, Spring MVC or JPA. */
    static ArchRule domainIsFreeOfInfrastructure(String root) {
        return noClasses().that().resideInAPackage(root + ".*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".*.web..", root + ".*.query..", root + ".*.infra..",
                        "org.springframework.web..", "jakarta.persistence..", "org.hibernate..")
                .as("domain packages do not depend on web, query, infra, Spring MVC or JPA")
                .allowEmptyShould(true);
    }

    /** (d) No cycles between contexts (or the kernel and app). */
    static ArchRule noCyclesBetweenContexts(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("no cycles between contexts");
    }

    /** (e) The kernel is plain Java. */
    static ArchRule kernelIsPlainJava(String root) {
        return classes().that().resideInAPackage(root + ".kernel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".kernel..")
                .as("the kernel depends only on java");
    }

    /** (f) The platform is shared by every context and knows none of them. */
    static ArchRule platformKnowsNoContext(String root) {
        return noClasses().that().resideInAPackage(root + ".platform..")
                .should().dependOnClassesThat(resideInAContext(root))
                .as("the platform depends on no bounded context")
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> plainContract(String root) {
        Pattern apiPackage = Pattern.compile(Pattern.quote(root) + "\\.[a-z]+\\.api(\\..*)?");
        return DescribedPredicate.describe("are java, kernel, api or @TargetAggregateIdentifier",
                target -> target.getPackageName().startsWith("java.")
                        || target.getPackageName().equals(root + ".kernel")
                        || apiPackage.matcher(target.getPackageName()).matches()
                        || target.getName().equals(TARGET_AGGREGATE_IDENTIFIER));
    }

    private static DescribedPredicate<JavaClass> resideInAContext(String root) {
        return DescribedPredicate.describe("reside in a bounded context",
                javaClass -> contextOf(root, javaClass) != null);
    }

    private static ArchCondition<JavaClass> onlyReachOtherContextsThroughApi(String root) {
        return new ArchCondition<>("only reach other contexts through their api package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = contextOf(root, origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    String other = contextOf(root, target);
                    if (other != null && !other.equals(own)
                            && !target.getPackageName().startsWith(root + "." + other + ".api")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The context a class belongs to, or null when it is outside every context. */
    private static String contextOf(String root, JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        if (!packageName.startsWith(root + ".")) {
            return null;
        }
        String first = packageName.substring(root.length() + 1).split("\\.")[0];
        return NOT_CONTEXTS.contains(first) ? null : first;
    }
}
