package io.hyperx.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each boundary rule fails on the deliberately bad classes under {@code archfixture.bad} (test sources), so a rule
 * that silently matches nothing would be noticed.
 */
class ArchitectureRulesCatchViolationsTest {

    private static final String BAD_ROOT = "archfixture.bad";
    private static final JavaClasses BAD_CLASSES = new ClassFileImporter().importPackages(BAD_ROOT);

    @Test
    void contextReachingIntoAnotherContextsDomainIsCaught() {
        assertViolation(ContextBoundaries.contextsTouchOthersOnlyThroughApi(BAD_ROOT),
                "archfixture.bad.economy.domain.PayoutPolicy", "archfixture.bad.subscription.domain.Plan");
    }

    @Test
    void apiWithFrameworkDependencyIsCaught() {
        assertViolation(ContextBoundaries.apiHasNoFrameworkDependencies(BAD_ROOT),
                "archfixture.bad.content.api.PostPublished", "org.springframework.http.HttpStatus");
    }

    @Test
    void domainDependingOnWebOrJpaIsCaught() {
        assertViolation(ContextBoundaries.domainIsFreeOfInfrastructure(BAD_ROOT),
                "archfixture.bad.content.domain.Post", "archfixture.bad.content.web.PostController");
        assertViolation(ContextBoundaries.domainIsFreeOfInfrastructure(BAD_ROOT),
                "archfixture.bad.content.domain.Post", "jakarta.persistence.Entity");
    }

    @Test
    void cycleBetweenContextsIsCaught() {
        assertViolation(ContextBoundaries.noCyclesBetweenContexts(BAD_ROOT), "economy", "subscription");
    }

    @Test
    void kernelDependingOnAFrameworkIsCaught() {
        assertViolation(ContextBoundaries.kernelIsPlainJava(BAD_ROOT),
                "archfixture.bad.kernel.Amount", "org.springframework.util.StringUtils");
    }

    @Test
    void platformDependingOnAContextIsCaught() {
        assertViolation(ContextBoundaries.platformKnowsNoContext(BAD_ROOT),
                "archfixture.bad.platform.SharedSweeper", "archfixture.bad.economy.api.PayoutId");
    }

    private static void assertViolation(ArchRule rule, String... mentioned) {
        assertThatThrownBy(() -> rule.check(BAD_CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(mentioned);
    }
}
