package io.hyperx.subscription.web;

import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.CreatorDirectory;
import io.hyperx.identity.api.PublicEndpoint;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.kernel.Money;
import io.hyperx.platform.consistency.ReadsProjections;
import io.hyperx.subscription.api.ArchiveTierCommand;
import io.hyperx.subscription.api.BillingInterval;
import io.hyperx.subscription.api.CreateTierCommand;
import io.hyperx.subscription.api.FindSubscriptionsQuery;
import io.hyperx.subscription.api.FindTierQuery;
import io.hyperx.subscription.api.FindTiersQuery;
import io.hyperx.subscription.api.MigrateSubscriberPriceCommand;
import io.hyperx.subscription.api.SubscriptionId;
import io.hyperx.subscription.api.SubscriptionPage;
import io.hyperx.subscription.api.SubscriptionView;
import io.hyperx.subscription.api.TierId;
import io.hyperx.subscription.api.TierView;
import io.hyperx.subscription.api.UpdateTierCommand;
import io.hyperx.subscription.domain.SubscriptionProblem;
import io.hyperx.subscription.query.SubscriptionViews;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The creator's tier catalog, and its public face. */
@ReadsProjections(SubscriptionViews.GROUP)
@RestController
class TierController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final CreatorDirectory creators;

    TierController(CommandGateway commands, QueryGateway queries, CreatorDirectory creators) {
        this.creators = creators;
        this.commands = commands;
        this.queries = queries;
    }

    /** A tier as a creator writes it. */
    record TierRequest(String name, String description, Money price, BillingInterval interval, List<String> benefits,
                       Integer rank, Boolean published, Integer memberLimit, Integer trialDays) {
    }

    @GetMapping("/api/v1/creators/tiers")
    @RequiresCapability(Capability.TIERS_WRITE)
    Map<String, Object> ownTiers(@AuthenticationPrincipal AccountPrincipal principal) {
        return Lists.all(tiers(principal.accountId().value(), true));
    }

    @PostMapping("/api/v1/creators/tiers")
    @RequiresCapability(Capability.TIERS_WRITE)
    ResponseEntity<TierView> create(@AuthenticationPrincipal AccountPrincipal principal,
                                    @RequestBody TierRequest request) {
        TierId id = TierId.random();
        UUID creator = principal.accountId().value();
        commands.sendAndWait(new CreateTierCommand(id, creator, request.name(), request.description(),
                request.price(), request.interval(), benefits(request), orZero(request.rank()),
                Boolean.TRUE.equals(request.published()), request.memberLimit(), orZero(request.trialDays())));
        return ResponseEntity.created(URI.create("/api/v1/creators/tiers/" + id)).body(view(id, creator, request, 0));
    }

    @PutMapping("/api/v1/creators/tiers/{id}")
    @RequiresCapability(Capability.TIERS_WRITE)
    TierView update(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
                    @RequestBody TierRequest request) {
        TierView current = ownTier(principal, id);
        commands.sendAndWait(new UpdateTierCommand(new TierId(id), principal.accountId().value(), request.name(),
                request.description(), request.price(), benefits(request), orZero(request.rank()),
                Boolean.TRUE.equals(request.published()), request.memberLimit(), orZero(request.trialDays())));
        return new TierView(id, current.creatorId(), request.name(), request.description(), request.price(),
                current.interval(), benefits(request), orZero(request.rank()), Boolean.TRUE.equals(request.published()),
                false, request.memberLimit(), orZero(request.trialDays()), current.memberCount());
    }

    /** Archives the tier: it takes no new members, its members keep their subscriptions. */
    @DeleteMapping("/api/v1/creators/tiers/{id}")
    @RequiresCapability(Capability.TIERS_WRITE)
    ResponseEntity<Void> archive(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        ownTier(principal, id);
        commands.sendAndWait(new ArchiveTierCommand(new TierId(id), principal.accountId().value()));
        return ResponseEntity.noContent().build();
    }

    /**
     * Moves every current member of the tier to its current price, from each member's next renewal on (until then
     * members keep the price they subscribed at). Answers how many subscriptions were asked to migrate.
     */
    @PostMapping("/api/v1/creators/tiers/{id}/migrate-subscribers")
    @RequiresCapability(Capability.TIERS_WRITE)
    Map<String, Integer> migrateSubscribers(@AuthenticationPrincipal AccountPrincipal principal,
                                            @PathVariable UUID id) {
        TierView tier = ownTier(principal, id);
        int migrated = 0;
        for (int page = 0; ; page++) {
            SubscriptionPage members = queries.query(new FindSubscriptionsQuery(null, tier.creatorId(), id, null,
                    page, 100), ResponseTypes.instanceOf(SubscriptionPage.class)).join();
            for (SubscriptionView member : members.data()) {
                if (member.status().isOngoing()) {
                    commands.sendAndWait(new MigrateSubscriberPriceCommand(new SubscriptionId(member.id()),
                            new TierId(id), tier.price()));
                    migrated++;
                }
            }
            if (page + 1 >= members.pagination().totalPages()) {
                return Map.of("migrated", migrated);
            }
        }
    }

    /** A creator's published tiers, by the creator's slug (or account id). */
    @GetMapping("/api/v1/public/creators/{creator}/tiers")
    @PublicEndpoint
    Map<String, Object> publicTiers(@PathVariable String creator) {
        UUID creatorId = creators.creatorId(creator).orElseThrow(() ->
                SubscriptionProblem.notFound("creator_not_found", "No published creator '" + creator + "'."));
        return Lists.all(tiers(creatorId, false));
    }

    private List<TierView> tiers(UUID creator, boolean includeUnpublished) {
        return queries.query(new FindTiersQuery(creator, includeUnpublished),
                ResponseTypes.multipleInstancesOf(TierView.class)).join();
    }

    private TierView ownTier(AccountPrincipal principal, UUID id) {
        TierView tier = queries.query(new FindTierQuery(id), ResponseTypes.instanceOf(TierView.class)).join();
        if (tier == null || !tier.creatorId().equals(principal.accountId().value())) {
            throw SubscriptionProblem.notFound("tier_not_found", "No such tier.");
        }
        return tier;
    }

    private static TierView view(TierId id, UUID creator, TierRequest request, int members) {
        return new TierView(id.value(), creator, request.name(), request.description(), request.price(),
                request.interval(), benefits(request), orZero(request.rank()), Boolean.TRUE.equals(request.published()),
                false, request.memberLimit(), orZero(request.trialDays()), members);
    }

    private static List<String> benefits(TierRequest request) {
        return request.benefits() == null ? List.of() : List.copyOf(request.benefits());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
