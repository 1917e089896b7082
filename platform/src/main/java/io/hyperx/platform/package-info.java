/** Shared infrastructure every context may use (Spring and Axon allowed); it knows no context. */
package io.hyperx.platform;
