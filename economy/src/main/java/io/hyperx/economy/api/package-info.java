/** The economy context's contract: ledger, wallet, payout, tip and fraud commands, events, queries and views. */
package io.hyperx.economy.api;
