/** Economy's REST endpoints: creator balances, ledger and payouts, fan tips, fraud signals, reconciliation. */
package io.hyperx.economy.web;
