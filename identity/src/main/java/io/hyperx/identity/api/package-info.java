/**
 * The identity contract other contexts may import: account ids, roles and capabilities, the endpoint annotations
 * every controller uses ({@link io.hyperx.identity.api.RequiresCapability}, {@link io.hyperx.identity.api.PublicEndpoint},
 * {@link io.hyperx.identity.api.RateLimited}), identity's commands, events and queries.
 */
package io.hyperx.identity.api;
