package cn.pes.casework.web;

import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.security.Officer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;


/**
 * Sends a page's command as the signed-in officer (officer, agency and channel as metadata, as the
 * API does) and turns the case's answer into what a page shows: a rule violation for the form, or
 * 404 for a case that is unknown or outside the officer's scope.
 */
@Component
class PageCommands {

    private final CommandGateway commands;

    PageCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * @return the command's result (empty for commands that return none)
     * @throws ResponseStatusException (in the Mono) 404 for an unknown case or one outside the scope
     * @throws Refused                 (in the Mono) when the case refuses the command for a rule
     */
    <R> Mono<R> send(Object command, Officer officer, Channel channel) {
        MetaData metaData = MetaData.with(CaseMetadata.OFFICER, officer.officerId())
                .and(CaseMetadata.AGENCY, officer.agencyId())
                .and(CaseMetadata.CHANNEL, channel.name());
        return Mono.<R>fromFuture(() -> commands.send(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(metaData)))
                // The command bus runs handlers on the calling thread and they block on JDBC.
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(AggregateNotFoundException.class, e -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                .onErrorMap(CommandExecutionException.class, e -> {
                    RuleViolation violation = e.getDetails().filter(RuleViolation.class::isInstance)
                            .map(RuleViolation.class::cast).orElse(null);
                    if (violation == null) {
                        return e;
                    }
                    return violation.kind() == RuleViolation.Kind.NOT_FOUND
                            ? new ResponseStatusException(HttpStatus.NOT_FOUND) : new Refused(violation);
                });
    }

    /** The case refused a page's command for a rule: the page shows it at the field. */
    static final class Refused extends RuntimeException {

        private final transient RuleViolation violation;

        Refused(RuleViolation violation) {
            super(violation.ruleId() + " " + violation.code(), null, false, false);
            this.violation = violation;
        }

        RuleViolation violation() {
            return violation;
        }
    }
}
