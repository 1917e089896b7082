/**
 * Test-only building blocks for the foundation's integration tests: an aggregate, a projection and a controller.
 * Outside {@code io.hyperx} so component scanning never picks them up; tests import them explicitly.
 */
package io.hyperxtest.probe;
