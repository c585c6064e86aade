package cn.pes.casework.command.web;

import cn.pes.casework.events.erasure.ErasePersonalDataCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.Map;

/**
 * Erasure of a person's personal data after the retention period (PRIV-1, PRIV-2): an
 * administrator's act (the route is restricted to ADMINISTRATOR by the security configuration),
 * recorded in the access log with the stated reason.
 */
@RestController
class PersonalDataErasureController {

    private final OfficerCommands commands;
    private final AgencyToday today;

    PersonalDataErasureController(OfficerCommands commands, AgencyToday today) {
        this.commands = commands;
        this.today = today;
    }

    /** 200 with the case and the day of the erasure; 409 while the case is not at rest or the period runs. */
    @PostMapping("/api/cases/{caseId}/erasure")
    Mono<Map<String, String>> erase(@PathVariable String caseId, @Valid @RequestBody ErasureRequest request,
                                    ServerWebExchange exchange) {
        LocalDate erasedOn = today.date();
        ErasePersonalDataCommand command = new ErasePersonalDataCommand(caseId, erasedOn, request.reason());
        return commands.send(command, exchange)
                .thenReturn(Map.of("caseId", caseId, "erasedOn", erasedOn.toString()));
    }

    /** @param reason why the data is erased, for the access log; without personal data */
    record ErasureRequest(@NotBlank @Size(max = 200) String reason) {
    }
}
