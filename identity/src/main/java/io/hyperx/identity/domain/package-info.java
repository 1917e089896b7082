/** The identity domain: the event-sourced {@code Account} aggregate and the named policies it and the services apply. */
package io.hyperx.identity.domain;
