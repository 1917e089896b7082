/** Identity's command side: services that keep identity's tables and the Account aggregate in one transaction, and their ports. */
package io.hyperx.identity.application;
