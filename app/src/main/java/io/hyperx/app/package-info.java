/** The composition root: wires every context into one Spring Boot application with one event store. */
package io.hyperx.app;
