/** Identity's HTTP side: the fail-closed security filter chain, rate limits, and the auth, account, API key and creator profile endpoints. */
package io.hyperx.identity.web;
