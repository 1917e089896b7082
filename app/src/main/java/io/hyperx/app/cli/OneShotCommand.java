package io.hyperx.app.cli;

/** A command the launcher runs once against the configured database; answers the process exit code. */
public interface OneShotCommand {

    int run();
}
