/** The subscription context's contract: tier, subscription and payment commands, events, queries and ids that other contexts may use. */
package io.hyperx.subscription.api;
