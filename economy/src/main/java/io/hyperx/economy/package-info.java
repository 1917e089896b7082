/** Economy context: the double-entry ledger, creator wallets, fee splits, holds, payouts, tips and fraud rules. */
package io.hyperx.economy;
