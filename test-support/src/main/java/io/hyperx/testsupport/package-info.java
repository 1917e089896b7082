/** A real PostgreSQL for integration tests: one server per test JVM, a fresh database per Spring test context. */
package io.hyperx.testsupport;
