package io.hyperx.subscription.domain;

import io.hyperx.kernel.Money;
import io.hyperx.subscription.api.ArchiveTierCommand;
import io.hyperx.subscription.api.CreateTierCommand;
import io.hyperx.subscription.api.TierArchived;
import io.hyperx.subscription.api.TierCreated;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.api.TierUpdated;
import io.hyperx.subscription.api.UpdateTierCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One tier of a creator's catalog. Only its creator changes it; an archived tier stays archived. */
@Aggregate
public class Tier {

    static final int MAX_TRIAL_DAYS = 90;

    @AggregateIdentifier
    private TierId tierId;
    private UUID creatorId;
    private boolean archived;

    protected Tier() {
    }

    @CommandHandler
    Tier(CreateTierCommand command) {
        validate(command.name(), command.price(), command.rank(), command.memberLimit(), command.trialDays());
        if (command.interval() == null) {
            throw SubscriptionProblem.unprocessable("invalid_tier", "A tier needs a billing interval.");
        }
        apply(new TierCreated(command.tierId(), command.creatorId(), command.name(), command.description(),
                command.price(), command.interval(), List.copyOf(command.benefits()), command.rank(),
                command.published(), command.memberLimit(), command.trialDays(), now()));
    }

    @CommandHandler
    void handle(UpdateTierCommand command) {
        requireOwner(command.creatorId());
        if (archived) {
            throw SubscriptionProblem.conflict("tier_archived", "An archived tier cannot be changed.");
        }
        validate(command.name(), command.price(), command.rank(), command.memberLimit(), command.trialDays());
        apply(new TierUpdated(tierId, creatorId, command.name(), command.description(), command.price(),
                List.copyOf(command.benefits()), command.rank(), command.published(), command.memberLimit(),
                command.trialDays(), now()));
    }

    @CommandHandler
    void handle(ArchiveTierCommand command) {
        requireOwner(command.creatorId());
        if (!archived) {
            apply(new TierArchived(tierId, creatorId, now()));
        }
    }

    @EventSourcingHandler
    void on(TierCreated event) {
        tierId = event.tierId();
        creatorId = event.creatorId();
    }

    @EventSourcingHandler
    void on(TierArchived event) {
        archived = true;
    }

    private void requireOwner(UUID caller) {
        if (!creatorId.equals(caller)) {
            throw SubscriptionProblem.forbidden("not_tier_owner", "Only the tier's creator may change it.");
        }
    }

    private static void validate(String name, Money price, int rank, Integer memberLimit, int trialDays) {
        if (name == null || name.isBlank()) {
            throw SubscriptionProblem.unprocessable("invalid_tier", "A tier needs a name.");
        }
        if (price == null || price.signum() <= 0) {
            throw SubscriptionProblem.unprocessable("invalid_tier_price", "A tier's price must be positive.");
        }
        if (rank < 0) {
            throw SubscriptionProblem.unprocessable("invalid_tier", "A tier's rank must not be negative.");
        }
        if (memberLimit != null && memberLimit < 1) {
            throw SubscriptionProblem.unprocessable("invalid_tier", "A member limit must be at least 1.");
        }
        if (trialDays < 0 || trialDays > MAX_TRIAL_DAYS) {
            throw SubscriptionProblem.unprocessable("invalid_tier",
                    "Trial days must be within 0.." + MAX_TRIAL_DAYS + ".");
        }
    }

    private static java.time.Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
