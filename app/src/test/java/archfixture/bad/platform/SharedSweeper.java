package archfixture.bad.platform;

import archfixture.bad.economy.api.PayoutId;

/** Violates (f): the platform knowing a context (even its api). */
public record SharedSweeper(PayoutId lastSwept) {
}
