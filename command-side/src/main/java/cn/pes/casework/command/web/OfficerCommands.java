package cn.pes.casework.command.web;

import cn.pes.casework.events.shared.Channel;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a request's command as the signed-in officer: officer, agency, channel and correlation as
 * metadata, so that every event says who recorded it, where and how.
 */
@Component
class OfficerCommands {

    private final CommandGateway commands;
    private final ActingOfficerResolver officers;

    OfficerCommands(CommandGateway commands, ActingOfficerResolver officers) {
        this.commands = commands;
        this.officers = officers;
    }

    /** A back-office command of the signed-in officer. */
    <R> Mono<R> send(Object command, ServerWebExchange exchange) {
        return officers.resolve().flatMap(officer -> send(command, officer, Channel.BACK_OFFICE, exchange));
    }

    <R> Mono<R> send(Object command, ActingOfficer officer, Channel channel, ServerWebExchange exchange) {
        return Mono.<R>fromFuture(() -> commands.send(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(officer.metaData(channel, officers.correlationId(exchange)))))
                // The command bus runs handlers on the calling thread and they block on JDBC: keep them off the event loop.
                .subscribeOn(Schedulers.boundedElastic());
    }
}
