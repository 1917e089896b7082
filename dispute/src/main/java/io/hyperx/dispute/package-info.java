/** Dispute context: chargebacks, evidence, outcomes and their ledger effects. */
package io.hyperx.dispute;
