package io.hyperx.subscription.web;

import io.hyperx.identity.api.CreatorRef;
import io.hyperx.identity.api.FindCreatorBySlugQuery;
import io.hyperx.subscription.domain.SubscriptionProblem;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Public creator pages are addressed by slug (or, for API clients, by the creator's account id). */
@Component
class TierCreatorPages {

    private final QueryGateway queries;

    TierCreatorPages(QueryGateway queries) {
        this.queries = queries;
    }

    UUID idOf(String slugOrId) {
        try {
            return UUID.fromString(slugOrId);
        } catch (IllegalArgumentException notAnId) {
            CreatorRef creator = queries.query(new FindCreatorBySlugQuery(slugOrId),
                    ResponseTypes.instanceOf(CreatorRef.class)).join();
            if (creator == null) {
                throw SubscriptionProblem.notFound("creator_not_found", "No published creator '" + slugOrId + "'.");
            }
            return creator.creatorId();
        }
    }
}
