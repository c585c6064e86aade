package cn.pes.casework.web;

import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.events.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the job-introduction pages (职业介绍) tell the officer after a form: each problem as text in the
 * page's language next to its field, and the page that follows a change showing that change.
 * <p>
 * The employer, vacancy, fair and case rules are written by several slices and keep growing; a rule
 * code without its own sentence still reaches the officer with its rule ID rather than as a key.
 */
@Component
class JobPageAnswers {

    /** A read model follows the events on its own thread: a page waits this long for a change to show. */
    private static final Duration SETTLE_STEP = Duration.ofMillis(150);
    private static final int SETTLE_STEPS = 30;

    private final MessageSource messages;

    JobPageAnswers(MessageSource messages) {
        this.messages = messages;
    }

    /** The sentence for a message key, or null when there is none. */
    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, null, locale);
    }

    /** Form problems noted as message keys ({@link FormFields}), as text. */
    Map<String, String> texts(Map<String, String> keys, Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        keys.forEach((field, key) -> texts.put(field, messages.getMessage(key, null, key, locale)));
        return texts;
    }

    /**
     * The sentence for a rule's refusal: the page's own ({@code prefix + code}), a common one
     * ({@code error.} + code), or the rule ID and code in a general sentence.
     */
    String refusal(String prefix, String ruleId, String code, Locale locale) {
        String own = text(prefix + code, locale);
        if (own != null) {
            return own;
        }
        String common = text("error." + code, locale);
        if (common != null) {
            return common;
        }
        return text("employer.refused", locale, ruleId == null ? "" : ruleId, code == null ? "" : code);
    }

    /** Every refused condition at its form field ({@code fieldOf} maps the command's field path). */
    Map<String, String> refusals(String prefix, RuleViolation violation, Function<String, String> fieldOf,
                                 Locale locale) {
        List<RefusalReason> reasons = violation.reasons().isEmpty()
                ? List.of(new RefusalReason(violation.ruleId(), violation.code(), violation.field()))
                : violation.reasons();
        Map<String, String> errors = new LinkedHashMap<>();
        for (RefusalReason reason : reasons) {
            errors.putIfAbsent(fieldOf.apply(reason.field()), refusal(prefix, reason.ruleId(), reason.code(), locale));
        }
        return errors;
    }

    /** The last part of a field path ({@code contact.phone} → {@code phone}); null is the whole form. */
    static String lastPart(String path) {
        return path == null ? "form" : path.substring(path.lastIndexOf('.') + 1);
    }

    /**
     * Waits (a few seconds at most) until the read model shows what a command just changed, so that the
     * page the officer is sent to shows it too; after that the page shows what there is.
     */
    <V> Mono<Void> settled(Supplier<Mono<V>> read, Predicate<V> shows) {
        return Mono.defer(read).filter(shows)
                .repeatWhenEmpty(SETTLE_STEPS, repeats -> repeats.delayElements(SETTLE_STEP))
                .then()
                .onErrorResume(e -> Mono.empty());
    }
}
