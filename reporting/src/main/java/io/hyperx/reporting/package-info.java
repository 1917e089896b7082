/** Reporting context: revenue, MRR, churn and payout reports, CSV export. */
package io.hyperx.reporting;
