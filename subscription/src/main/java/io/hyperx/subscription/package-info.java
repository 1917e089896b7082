/** Subscription context: the creators' tier catalog, subscriptions and their lifecycle, payments and the Stripe gateway. */
package io.hyperx.subscription;
