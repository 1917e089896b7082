package io.hyperx.subscription.domain;

/**
 * A free trial is a first-time offer: a fan gets at most {@code trialsPerCreator} trials of one creator's tiers,
 * counted over every past subscription to that creator, whichever tier and however it ended (422
 * {@code trial_already_used}). Tiers without a trial are not limited.
 */
public final class TrialPolicy {

    private TrialPolicy() {
    }

    public static void check(int tierTrialDays, long pastTrialsWithCreator, int trialsPerCreator) {
        if (tierTrialDays > 0 && pastTrialsWithCreator >= trialsPerCreator) {
            throw SubscriptionProblem.unprocessable("trial_already_used",
                    "You have already had this creator's free trial" + (trialsPerCreator == 1 ? "" : "s") + ".");
        }
    }
}
