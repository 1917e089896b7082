/** The wallet aggregate (one per creator) and the named money rules: the split, refund reversal, payout policy. */
package io.hyperx.economy.domain;
