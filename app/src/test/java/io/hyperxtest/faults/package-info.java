/**
 * Test-only parts the fault suite loads into the app processes it starts. Outside {@code io.hyperx} so component
 * scanning never picks them up.
 */
package io.hyperxtest.faults;
