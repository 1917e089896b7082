/**
 * Read-your-writes: writes answer the event store position they reached, reads wait (bounded) until the
 * projections they read have passed it; and the event store wakes its processors when an event is committed.
 */
package io.hyperx.platform.consistency;
