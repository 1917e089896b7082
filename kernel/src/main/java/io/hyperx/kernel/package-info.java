/** Shared kernel: plain-Java value types (money, typed ids) that every HyperX module may depend on. */
package io.hyperx.kernel;
