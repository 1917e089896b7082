package io.hyperx.content.web;

import io.hyperx.content.domain.ContentProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** Sends content commands; a command for an aggregate that never existed is a 404 like any other unknown id. */
@Component
class Commands {

    private final CommandGateway gateway;

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    void send(Object command, String notFoundCode) {
        try {
            gateway.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw ContentProblem.notFound(notFoundCode, "No such " + notFoundCode.replace("_not_found", "") + ".");
        }
    }
}
