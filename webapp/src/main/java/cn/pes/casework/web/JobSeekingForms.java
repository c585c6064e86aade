package cn.pes.casework.web;

import cn.pes.casework.events.casefile.CaseView;
import cn.pes.casework.events.casefile.FindCaseQuery;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.jobseeking.FindJobSeekingProfileQuery;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.jobseeking.JobSeekingProfileView;
import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.events.shared.TimeOrderedId;
import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * What the job-introduction pages (职业介绍, JOB-1, JOB-2, JOB-4, JOB-6, CAN-3) share: the case in the
 * officer's scope, the person's job-seeking profile, the intentions part of a form, ids chosen at the
 * edge, and the case's refusals as texts at their fields.
 */
@Component
class JobSeekingForms implements DisposableBean {

    /** Separators an officer types between wanted occupations: Chinese and Western commas, 顿号, semicolons. */
    private static final Pattern OCCUPATION_SEPARATORS = Pattern.compile("[,，、;；\\n]+");
    /** An id the page handed out (a time-ordered UUID); anything else is replaced by a fresh one. */
    private static final Pattern ISSUED_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final QueryGateway queries;
    private final AccessRules rules;
    private final AgencyDirectory agencies;
    private final MessageSource messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /**
     * Where these pages' queries block. Not a scheduler that interrupts its thread when the page
     * stops waiting (Reactor's bounded elastic one does): an interrupt inside a JDBC call closes the
     * embedded H2 database for everyone.
     */
    private final ExecutorService reads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "job-seeking-pages");
        thread.setDaemon(true);
        return thread;
    });
    private final Scheduler readScheduler = Schedulers.fromExecutor(reads::execute);

    JobSeekingForms(QueryGateway queries, AccessRules rules, AgencyDirectory agencies, MessageSource messages,
                    Clock clock) {
        this.queries = queries;
        this.rules = rules;
        this.agencies = agencies;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void destroy() {
        reads.shutdown();
    }

    /** A query off the event loop (its handlers block), on threads that are never interrupted. */
    <R> Mono<R> query(Object query, Class<R> type) {
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.instanceOf(type)), true)
                .subscribeOn(readScheduler);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PageQueries.AGENCY_ZONE));
    }

    /**
     * A new id for something the page is about to record. Handed out with the form, so that sending
     * the same form twice records it once.
     */
    String newId() {
        return TimeOrderedId.next(clock.millis(), random);
    }

    /** The id the form carried back, or a fresh one when it carried none that this page could have issued. */
    String issuedId(String fromForm) {
        return fromForm != null && ISSUED_ID.matcher(fromForm).matches() ? fromForm : newId();
    }

    /** The case, when this officer may change it; otherwise as if there were no such case. */
    Mono<CaseView> caseToChange(String caseId, Officer officer) {
        return query(new FindCaseQuery(caseId), CaseView.class)
                .filter(view -> rules.mayChangeCaseOf(officer, view.agencyId()))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    /** The case, when this officer may read it. */
    Mono<CaseView> caseToRead(String caseId, Officer officer) {
        return query(new FindCaseQuery(caseId), CaseView.class)
                .filter(view -> rules.mayViewCase(officer))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    boolean mayChange(Officer officer, CaseView view) {
        return rules.mayChangeCaseOf(officer, view.agencyId());
    }

    /**
     * The person's job-seeking profile; empty when the person never registered as a job seeker or
     * while no handler answers the question (a query side without the job-seeking read model).
     */
    Mono<JobSeekingProfileView> profile(String caseId) {
        return query(new FindJobSeekingProfileQuery(caseId), JobSeekingProfileView.class)
                .onErrorResume(NoHandlerForQueryException.class, e -> Mono.empty());
    }

    /** The intentions part of a form (求职意向); what is missing or malformed is noted at its field. */
    JobIntentions intentions(MultiValueMap<String, String> form, Map<String, String> errors) {
        List<String> occupations = occupations(form.getFirst("occupations"));
        if (occupations.isEmpty()) {
            errors.put("occupations", FormFields.MISSING);
        }
        Integer wage = wholeNumber(form.getFirst("expectedMonthlyWageYuan"), "expectedMonthlyWageYuan", errors);
        String area = FormFields.text(form.getFirst("areaAgencyId"));
        if (area == null) {
            errors.put("areaAgencyId", FormFields.MISSING);
        } else if (agencies.find(area).isEmpty()) {
            errors.put("areaAgencyId", FormFields.INVALID);
        }
        Set<EmploymentForm> forms = EnumSet.noneOf(EmploymentForm.class);
        for (String chosen : form.getOrDefault("forms", List.of())) {
            Arrays.stream(EmploymentForm.values()).filter(f -> f.name().equals(chosen)).forEach(forms::add);
        }
        if (forms.isEmpty()) {
            errors.put("forms", FormFields.MISSING);
        }
        return new JobIntentions(occupations, wage == null ? 0 : wage, area, forms);
    }

    static List<String> occupations(String typed) {
        if (typed == null) {
            return List.of();
        }
        return Arrays.stream(OCCUPATION_SEPARATORS.split(typed)).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    /** A whole number of at least zero, or null (noted) when the field is empty or not one. */
    static Integer wholeNumber(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, FormFields.MISSING);
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 0) {
                errors.put(field, FormFields.INVALID);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.put(field, FormFields.INVALID);
            return null;
        }
    }

    /** The form's own notes (message keys) as the texts shown next to the fields. */
    Map<String, String> texts(Map<String, String> keys, ServerWebExchange exchange) {
        Locale locale = locale(exchange);
        Map<String, String> texts = new LinkedHashMap<>();
        keys.forEach((field, key) -> texts.put(field, messages.getMessage(key, null, key, locale)));
        return texts;
    }

    /**
     * The case's refusal, every failed condition next to its field; a field this form does not have,
     * or none, goes above the form. Codes without a text of their own still show the rule and code.
     */
    Map<String, String> refusals(RuleViolation violation, Set<String> fields, ServerWebExchange exchange) {
        List<RefusalReason> reasons = violation.reasons().isEmpty()
                ? List.of(new RefusalReason(violation.ruleId(), violation.code(), violation.field()))
                : violation.reasons();
        Map<String, String> texts = new LinkedHashMap<>();
        for (RefusalReason reason : reasons) {
            texts.merge(field(reason.field(), fields), refusal(reason.ruleId(), reason.code(), exchange),
                    (a, b) -> a + " " + b);
        }
        return texts;
    }

    /** The text of one refusal, in the page's language. */
    String refusal(String ruleId, String code, ServerWebExchange exchange) {
        Locale locale = locale(exchange);
        String own = messages.getMessage("jobseeking.refusal." + code, null, null, locale);
        return own != null ? own : messages.getMessage("jobseeking.refusal", new Object[]{ruleId, code},
                ruleId + " " + code, locale);
    }

    private static String field(String path, Set<String> fields) {
        if (path == null) {
            return "form";
        }
        // "intentions.occupations[0]" is the occupations field; "notification" the way the person was told.
        String last = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        String field = "notification".equals(last) ? "notificationMethod" : last;
        return fields.contains(field) ? field : "form";
    }

    private static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? PageLocale.CHINESE : locale;
    }
}
