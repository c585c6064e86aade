package cn.pes.casework.command.integrity;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.events.integrity.ChainVerification;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.regex.Pattern;

/**
 * History integrity check (历史完整性校验) of one case: recomputes its hash chain from the stored events and
 * answers where it first breaks, if it does. A POST because every call does the work anew (and may be
 * recorded); it changes nothing. Auditors and administrators only (security configuration).
 * <p>
 * Only with the JDBC event store ({@link ChainedEventStoreConfiguration}): with Axon Server there is no event
 * table to check, and the route is absent.
 */
@RestController
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class IntegrityCheckController {

    /** Case IDs are time-ordered UUIDs; anything else is refused before the event store is asked. */
    private static final Pattern CASE_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

    private final ChainVerifier verifier;

    IntegrityCheckController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    /** 200 with the check's result; 404 for an unknown case; 400 for a malformed case ID. */
    @PostMapping("/api/cases/{caseId}/integrity-checks")
    Mono<ChainVerification> check(@PathVariable String caseId) {
        if (!CASE_ID.matcher(caseId).matches()) {
            return Mono.error(CaseRuleViolation.invalid("INPUT", "INVALID_VALUE", "caseId"));
        }
        return Mono.fromCallable(() -> verifier.verify(caseId, CaseChainQueryHandler.CASE_TYPE))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(result -> result.unknownCase() ? Mono.error(CaseRuleViolation.notFound()) : Mono.just(result));
    }
}
