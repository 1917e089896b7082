/** Economy's reactions to payments, its durable due-date sweeper, payouts through the provider port, tips and fraud rules. */
package io.hyperx.economy.application;
