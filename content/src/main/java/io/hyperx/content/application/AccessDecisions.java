package io.hyperx.content.application;

import io.hyperx.content.domain.AccessPolicy;
import io.hyperx.content.domain.AccessPolicy.HeldTier;
import io.hyperx.content.domain.AccessPolicy.Outcome;
import io.hyperx.content.domain.AccessPolicy.Viewer;
import io.hyperx.content.query.ContentReads;
import io.hyperx.content.query.ContentReads.PostRow;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.subscription.api.FindPaymentQuery;
import io.hyperx.subscription.api.PaymentPurpose;
import io.hyperx.subscription.api.PaymentStatus;
import io.hyperx.subscription.api.PaymentView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The access decision for a published post (identity -> entitlement -> tier gate -> decision), fail-closed: any
 * error while deciding (a projection unavailable, an unreadable policy) answers {@link Outcome#UNDECIDABLE}, which
 * every caller treats as a denial. Entitlements are two indexed lookups (held tiers by fan and creator, unlocks by
 * account and post), made only when the policy needs them.
 */
@Service
public class AccessDecisions {

    private static final Logger log = LoggerFactory.getLogger(AccessDecisions.class);

    private final ContentReads reads;
    private final QueryGateway queries;
    private final Timer timer;

    AccessDecisions(ContentReads reads, QueryGateway queries, MeterRegistry meters) {
        this.reads = reads;
        this.queries = queries;
        this.timer = Timer.builder("hyperx.content.access.decision")
                .description("Time to decide whether a caller may see a post")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(5))
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(meters);
    }

    /** The decision, and what the caller needs to explain a denial. */
    public record Decision(Outcome outcome, PostRow post) {

        public boolean allowed() {
            return outcome == Outcome.ALLOWED;
        }
    }

    /** Decides for a published post; {@code principal} is null for anonymous callers. */
    public Decision decide(PostRow post, AccountPrincipal principal) {
        long started = System.nanoTime();
        try {
            Viewer viewer = principal == null ? Viewer.ANONYMOUS
                    : new Viewer(principal.accountId().value(), principal.can(Capability.CONTENT_VIEW));
            return new Decision(AccessPolicy.decide(post.creatorId(), post.visibility(), viewer,
                    new LazyEntitlements(viewer.accountId(), post)), post);
        } catch (RuntimeException e) {
            log.warn("Access to post {} denied: the decision failed ({})", post.id(), e.toString());
            return new Decision(Outcome.UNDECIDABLE, post);
        } finally {
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Whether {@code paymentId} is a succeeded (or partially refunded) pay-per-view payment of {@code principal} for
     * {@code post} (the {@code X-Payment} header). Anything else, including an error while looking, is no.
     */
    public boolean paidFor(PostRow post, AccountPrincipal principal, String paymentId) {
        if (principal == null || paymentId == null) {
            return false;
        }
        try {
            PaymentView payment = queries.query(new FindPaymentQuery(UUID.fromString(paymentId.trim())),
                    ResponseTypes.instanceOf(PaymentView.class)).get(5, TimeUnit.SECONDS);
            return payment != null
                    && (payment.status() == PaymentStatus.SUCCEEDED
                        || payment.status() == PaymentStatus.PARTIALLY_REFUNDED)
                    && payment.purpose() == PaymentPurpose.PAY_PER_VIEW
                    && post.id().equals(payment.purposeReference())
                    && principal.accountId().value().equals(payment.payerId());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("X-Payment {} for post {} not accepted: {}", paymentId, post.id(), e.toString());
            return false;
        }
    }

    /** Tiers that would unlock the post: for tier-gated posts those the policy names, cheapest rank first. */
    public List<ContentReads.TierRow> unlockingTiers(PostRow post) {
        List<ContentReads.TierRow> tiers = reads.tiersOf(post.creatorId());
        var visibility = post.visibility();
        return switch (visibility.type()) {
            case "members" -> tiers;
            case "minTierRank" -> tiers.stream().filter(t -> t.rank() >= visibility.minTierRank()).toList();
            case "tiers", "payPerView" -> visibility.tierIds() == null ? List.of()
                    : tiers.stream().filter(t -> visibility.tierIds().contains(t.id())).toList();
            default -> List.of();
        };
    }

    public Optional<PostRow> publishedPost(UUID id) {
        return reads.post(id).filter(PostRow::published);
    }

    /** Looks entitlements up only when the policy asks, once each. */
    private final class LazyEntitlements implements AccessPolicy.Entitlements {

        private final UUID viewer;
        private final PostRow post;
        private List<HeldTier> held;

        LazyEntitlements(UUID viewer, PostRow post) {
            this.viewer = viewer;
            this.post = post;
        }

        @Override
        public List<HeldTier> heldTiers() {
            if (held == null) {
                held = reads.heldTiers(viewer, post.creatorId());
            }
            return held;
        }

        @Override
        public boolean unlocked() {
            return reads.unlocked(viewer, post.id());
        }
    }
}
