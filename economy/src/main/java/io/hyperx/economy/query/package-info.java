/** Economy's projections: ledger postings and wallets, payouts, tips, fraud signals, payer activity. */
package io.hyperx.economy.query;
