package cn.pes.casework.command.comparison;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.events.comparison.MatchExternalRecordCommand;
import cn.pes.casework.events.comparison.MatchOutcome;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the case's handling of {@link MatchExternalRecordCommand} (another branch adds it to the
 * case): a real handler on the real command bus answering from a table of test cases, idempotent as the
 * case is (a resent record answers its first outcome) and counting every call. Its state is static
 * because it plays the cases' own stored history, which outlives a restart of the command side.
 * <p>
 * Registered as an interceptor too, so that it answers first whichever handler the bus kept once the
 * case handles the command itself.
 */
class ScriptedCases implements MessageHandler<CommandMessage<?>>, MessageHandlerInterceptor<CommandMessage<?>> {

    /** The answers by case ID; a case not listed refuses with a rule violation of the given kind. */
    static final Map<String, MatchOutcome> OUTCOMES = new ConcurrentHashMap<>();
    static final Map<String, String> REFUSALS = new ConcurrentHashMap<>();
    /** Every record applied: contact key to the first outcome. */
    static final Map<String, MatchOutcome> APPLIED = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    static final AtomicInteger TOTAL_CALLS = new AtomicInteger();
    /** From this call on (1-based) every call fails as storage would; 0 never. */
    static volatile int failFromCall;

    ScriptedCases(CommandBus commandBus) {
        commandBus.subscribe(MatchExternalRecordCommand.class.getName(), this);
        commandBus.registerHandlerInterceptor(this);
    }

    static void reset() {
        OUTCOMES.clear();
        REFUSALS.clear();
        APPLIED.clear();
        CALLS.clear();
        TOTAL_CALLS.set(0);
        failFromCall = 0;
    }

    @Override
    public Object handle(CommandMessage<?> message) {
        return answer((MatchExternalRecordCommand) message.getPayload());
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof MatchExternalRecordCommand command) {
            return answer(command);
        }
        return chain.proceed();
    }

    private static MatchOutcome answer(MatchExternalRecordCommand command) {
        int call = TOTAL_CALLS.incrementAndGet();
        String key = command.caseId() + "/" + command.record().batchId() + ":" + command.record().line();
        CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (failFromCall > 0 && call >= failFromCall) {
            throw new IllegalStateException("storage unavailable");
        }
        String refusal = REFUSALS.get(command.caseId());
        if ("NOT_FOUND".equals(refusal)) {
            throw CaseRuleViolation.notFound();
        }
        if (refusal != null) {
            throw CaseRuleViolation.invalid("TRK-2", refusal, "record");
        }
        return APPLIED.computeIfAbsent(key, k -> OUTCOMES.get(command.caseId()));
    }
}
