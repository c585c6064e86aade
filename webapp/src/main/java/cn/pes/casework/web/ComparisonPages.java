package cn.pes.casework.web;

import cn.pes.casework.events.cancellation.Notification;
import cn.pes.casework.events.comparison.ComparisonBatchView;
import cn.pes.casework.events.comparison.ComparisonBatchesView;
import cn.pes.casework.events.comparison.ComparisonImportReceipt;
import cn.pes.casework.events.comparison.ConfirmStatusChangeProposalCommand;
import cn.pes.casework.events.comparison.DismissStatusChangeProposalCommand;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.FindCaseStatusChangeProposalsQuery;
import cn.pes.casework.events.comparison.FindComparisonBatchQuery;
import cn.pes.casework.events.comparison.FindComparisonBatchesQuery;
import cn.pes.casework.events.comparison.FindStatusChangeProposalsQuery;
import cn.pes.casework.events.comparison.ImportExternalRecordsCommand;
import cn.pes.casework.events.comparison.ProposalState;
import cn.pes.casework.events.comparison.RecordFileFormat;
import cn.pes.casework.events.comparison.RowProblem;
import cn.pes.casework.events.comparison.StatusChangeProposalLine;
import cn.pes.casework.events.comparison.StatusChangeProposalsView;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Information comparison (信息比对, TRK-2) and the proposals it raises (待核实变更, CAN-3) in the browser:
 * a caseworker imports a batch of external records and follows its matching, then works the queue of
 * proposed status changes of the agency's cases — confirming one updates the case with its evidence,
 * dismissing one needs a reason. Auditors follow the batches and the queue without the forms. The same
 * commands and queries as the API; a file refused as a whole answers at its field, each malformed row
 * is listed on the batch's page.
 */
@Controller
class ComparisonPages {

    /** An import file larger than this is not read: the upload limits of the platform are far below it. */
    private static final int MAX_FILE_BYTES = 64 * 1024 * 1024;
    private static final int MAX_SOURCE = 100;
    private static final Set<String> IMPORT_FIELDS = Set.of("file", "kind", "source", "referenceDate");
    private static final Set<String> CONFIRM_FIELDS = Set.of("effectiveDate", "notificationMethod", "notifiedOn");
    private static final Set<String> DISMISS_FIELDS = Set.of("reason");

    private final PageCommands commands;
    private final PageQueries pageQueries;
    private final PageModel page;
    private final AgencyDirectory agencies;
    private final JobSeekingForms forms;
    private final JobPageAnswers answers;
    private final MessageSource messages;

    ComparisonPages(PageCommands commands, PageQueries pageQueries, PageModel page, AgencyDirectory agencies,
                    JobSeekingForms forms, JobPageAnswers answers, MessageSource messages) {
        this.commands = commands;
        this.pageQueries = pageQueries;
        this.page = page;
        this.agencies = agencies;
        this.forms = forms;
        this.answers = answers;
        this.messages = messages;
    }

    // ------------------------------------------------------------------ the batches (比对批次) and the upload

    @GetMapping("/comparison")
    Mono<String> batches(Model model) {
        return page.signedIn(model).flatMap(officer -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("referenceDate", forms.today().toString());
            return renderBatches(officer, model, form, Map.of());
        });
    }

    /**
     * A multipart form: the page's script sends it with the CSRF token as a header, since the token
     * is read from urlencoded forms and headers only.
     */
    @PostMapping(value = "/comparison/batches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<String> upload(ServerWebExchange exchange, Model model) {
        return exchange.getMultipartData().flatMap(parts -> page.signedIn(model).flatMap(officer -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (String field : List.of("kind", "source", "referenceDate")) {
                values.put(field, field(parts, field));
            }
            Map<String, String> errors = new LinkedHashMap<>();
            ExternalRecordKind kind = FormFields.choice(values.get("kind"), ExternalRecordKind.class, "kind", errors);
            String source = FormFields.text(values.get("source"));
            if (source == null) {
                errors.put("source", FormFields.MISSING);
            } else if (source.length() > MAX_SOURCE) {
                errors.put("source", "cmp.error.TOO_LONG");
            }
            LocalDate referenceDate = FormFields.date(values.get("referenceDate"), "referenceDate", errors, true);
            FilePart file = parts.getFirst("file") instanceof FilePart filePart
                    && !filePart.filename().isBlank() ? filePart : null;
            RecordFileFormat format = file == null ? null : formatOf(file.filename());
            if (file == null) {
                errors.put("file", FormFields.MISSING);
            } else if (format == null) {
                errors.put("file", "cmp.error.FILE_TYPE");
            }
            if (!errors.isEmpty()) {
                return Mono.justOrEmpty(file).flatMap(ComparisonPages::discard)
                        .then(renderBatches(officer, model, values, forms.texts(errors, exchange)));
            }
            return bytes(file).flatMap(content -> commands.<ComparisonImportReceipt>send(
                            new ImportExternalRecordsCommand(file.filename(), format, content, kind, source,
                                    referenceDate, officer.officerId(), officer.agencyId(), forms.today()),
                            officer, Channel.BACK_OFFICE))
                    .flatMap(receipt -> answers.settled(() -> batch(receipt.batchId()), batch -> true)
                            .thenReturn("redirect:/comparison/batches/" + receipt.batchId()
                                    + (receipt.alreadyImported() ? "?again" : "")))
                    .onErrorResume(PageCommands.Refused.class, refused -> renderBatches(officer, model, values,
                            refusals(refused.violation(), IMPORT_FIELDS, exchange)));
        }));
    }

    private Mono<String> renderBatches(Officer officer, Model model, Map<String, String> form,
                                       Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", ExternalRecordKind.values());
        model.addAttribute("mayUpload", officer.has(Role.CASEWORKER));
        return read(new FindComparisonBatchesQuery(scope(officer)), ComparisonBatchesView.class)
                .map(ComparisonBatchesView::batches)
                .defaultIfEmpty(List.of())
                .map(batches -> {
                    model.addAttribute("batches", batches.stream().map(this::row).toList());
                    return "comparison/batches";
                });
    }

    @GetMapping("/comparison/batches/{batchId}")
    Mono<String> batchPage(@PathVariable String batchId, ServerWebExchange exchange, Model model) {
        return page.signedIn(model).flatMap(officer -> batch(batchId)
                .filter(batch -> mayRead(officer, batch.agencyId()))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(batch -> {
                    Locale locale = locale(exchange);
                    model.addAttribute("batch", row(batch));
                    model.addAttribute("again", exchange.getRequest().getQueryParams().containsKey("again"));
                    model.addAttribute("problems", batch.problems().stream()
                            .map(problem -> new ProblemRow(problem, problemText(problem, locale))).toList());
                    return "comparison/batch";
                }));
    }

    private Mono<ComparisonBatchView> batch(String batchId) {
        return read(new FindComparisonBatchQuery(batchId), ComparisonBatchView.class);
    }

    private BatchRow row(ComparisonBatchView batch) {
        int done = batch.processed() == null ? 0 : batch.processed().rows();
        int percent = batch.validRows() == 0 ? 100 : (int) Math.min(100, Math.floor(100.0 * done / batch.validRows()));
        return new BatchRow(batch, agencyName(batch.agencyId()), done, percent);
    }

    /** The problem in words: the column and what is wrong, never the value found. */
    private String problemText(RowProblem problem, Locale locale) {
        String code = problem.code() == null ? "" : problem.code();
        String text = messages.getMessage("cmp.problem." + code, new Object[]{problem.duplicateOf()}, null, locale);
        if (text == null && code.startsWith("ID_NUMBER_")) {
            text = messages.getMessage("cmp.problem.ID_NUMBER", new Object[]{code}, code, locale);
        }
        return text == null ? code : text;
    }

    static RecordFileFormat formatOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT).strip();
        return name.endsWith(".csv") ? RecordFileFormat.CSV : name.endsWith(".xlsx") ? RecordFileFormat.XLSX : null;
    }

    static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart field ? field.value() : null;
    }

    static Mono<byte[]> bytes(FilePart file) {
        return DataBufferUtils.join(file.content(), MAX_FILE_BYTES).map(buffer -> {
            byte[] content = new byte[buffer.readableByteCount()];
            buffer.read(content);
            DataBufferUtils.release(buffer);
            return content;
        });
    }

    /** An upload refused before it is read is still drained, so that its temporary file goes. */
    static Mono<Void> discard(FilePart file) {
        return file.content().map(DataBufferUtils::release).then();
    }

    // ------------------------------------------------------------------ the queue (待核实变更)

    @GetMapping("/comparison/proposals")
    Mono<String> queue(@RequestParam(name = "state", required = false) String state, ServerWebExchange exchange,
                       Model model) {
        ProposalState shown = state == null || state.isBlank() ? ProposalState.OPEN
                : Arrays.stream(ProposalState.values()).filter(s -> s.name().equals(state)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        return page.signedIn(model).flatMap(officer -> read(new FindStatusChangeProposalsQuery(scope(officer), shown),
                StatusChangeProposalsView.class)
                .map(StatusChangeProposalsView::lines)
                .defaultIfEmpty(List.of())
                .map(lines -> {
                    model.addAttribute("state", shown);
                    model.addAttribute("states", ProposalState.values());
                    model.addAttribute("rows", lines.stream().map(line -> ProposalRow.of(line,
                            officer.has(Role.CASEWORKER) && agencies.covers(officer.agencyId(), line.agencyId()),
                            agencyName(line.agencyId()), forms.today())).toList());
                    model.addAttribute("notifications", Notification.NotificationMethod.values());
                    model.addAttribute("refusal", ProposalRefusal.from(exchange.getRequest().getQueryParams()));
                    return "comparison/proposals";
                }));
    }

    /**
     * Confirmation or dismissal from the queue or the case page; back where it came from once the
     * change shows there, or with the refusal at its field.
     */
    @PostMapping(value = "/comparison/proposals/{caseId}/{proposalId}/{decision}",
                 consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> decide(@PathVariable String caseId, @PathVariable String proposalId, @PathVariable String decision,
                        ServerWebExchange exchange, Model model) {
        if (!"confirmation".equals(decision) && !"dismissal".equals(decision)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer ->
                forms.caseToChange(caseId, officer).flatMap(view -> proposal(caseId, proposalId)
                        .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                        .flatMap(proposal -> {
                            boolean fromCase = "case".equals(form.getFirst("back"));
                            Map<String, String> errors = new LinkedHashMap<>();
                            Object command;
                            Set<String> fields;
                            if ("confirmation".equals(decision)) {
                                command = confirmation(proposal, form, errors);
                                fields = CONFIRM_FIELDS;
                            } else {
                                String reason = FormFields.text(form.getFirst("reason"));
                                if (reason == null) {
                                    errors.put("reason", FormFields.MISSING);
                                }
                                command = new DismissStatusChangeProposalCommand(caseId, proposalId, reason,
                                        forms.today());
                                fields = DISMISS_FIELDS;
                            }
                            if (!errors.isEmpty()) {
                                Map.Entry<String, String> first = errors.entrySet().iterator().next();
                                return Mono.just("redirect:" + back(fromCase, caseId, proposalId, decision,
                                        first.getKey(), forms.texts(Map.of(first.getKey(), first.getValue()),
                                                exchange).get(first.getKey())));
                            }
                            return commands.send(command, officer, Channel.BACK_OFFICE)
                                    .then(answers.settled(() -> proposal(caseId, proposalId),
                                            shown -> shown.state() != ProposalState.OPEN))
                                    .thenReturn("redirect:" + back(fromCase, caseId, null, null, null, null))
                                    .onErrorResume(PageCommands.Refused.class, refused -> {
                                        Map.Entry<String, String> first = refusals(refused.violation(), fields,
                                                exchange).entrySet().iterator().next();
                                        return Mono.just("redirect:" + back(fromCase, caseId, proposalId, decision,
                                                first.getKey(), first.getValue()));
                                    });
                        }))));
    }

    /**
     * A cancellation needs its effective date and how the person was told (CAN-2); an employment ends
     * the spell on its start unless the officer corrects the date.
     */
    private Object confirmation(StatusChangeProposalLine proposal, MultiValueMap<String, String> form,
                                Map<String, String> errors) {
        boolean cancellation = proposal.ground() != null;
        LocalDate effectiveDate = FormFields.date(form.getFirst("effectiveDate"), "effectiveDate", errors,
                cancellation);
        Notification notification = null;
        if (cancellation) {
            Notification.NotificationMethod method = FormFields.choice(form.getFirst("notificationMethod"),
                    Notification.NotificationMethod.class, "notificationMethod", errors);
            LocalDate notifiedOn = FormFields.date(form.getFirst("notifiedOn"), "notifiedOn", errors, true);
            notification = new Notification(method, notifiedOn);
        }
        return new ConfirmStatusChangeProposalCommand(proposal.caseId(), proposal.proposalId(), effectiveDate,
                notification, forms.today());
    }

    private Mono<StatusChangeProposalLine> proposal(String caseId, String proposalId) {
        return read(new FindCaseStatusChangeProposalsQuery(caseId), StatusChangeProposalsView.class)
                .flatMap(view -> Mono.justOrEmpty(view.lines().stream()
                        .filter(line -> line.proposalId().equals(proposalId)).findFirst()));
    }

    private static String back(boolean fromCase, String caseId, String proposalId, String decision, String field,
                               String text) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(fromCase ? "/cases/" + caseId : "/comparison/proposals");
        if (proposalId != null) {
            uri.queryParam("proposal", proposalId).queryParam("proposalAction", decision)
                    .queryParam("proposalField", field).queryParam("proposalError", text);
        }
        return uri.fragment(fromCase ? "proposals" : proposalId == null ? null : "proposal-" + proposalId)
                .encode().toUriString();
    }

    // ------------------------------------------------------------------ helpers

    /** Whose batches and queue an officer sees: their own agency's and those under it; an auditor the city's. */
    private String scope(Officer officer) {
        if (officer.has(Role.AUDITOR)) {
            return agencies.all().stream().filter(a -> a.level() == Agency.Level.CITY).map(Agency::id).findFirst()
                    .orElse(officer.agencyId());
        }
        return officer.agencyId();
    }

    private boolean mayRead(Officer officer, String agencyId) {
        return officer.has(Role.AUDITOR) || agencies.covers(officer.agencyId(), agencyId);
    }

    /** A query side without the comparison read models (a separate command process) shows empty lists. */
    private <R> Mono<R> read(Object query, Class<R> type) {
        return pageQueries.query(query, type).onErrorResume(NoHandlerForQueryException.class, e -> Mono.empty());
    }

    private String agencyName(String agencyId) {
        return agencyId == null ? null : agencies.find(agencyId).map(Agency::name).orElse(agencyId);
    }

    private Map<String, String> refusals(RuleViolation violation, Set<String> fields, ServerWebExchange exchange) {
        Map<String, String> texts = forms.refusals(violation, fields, exchange);
        Locale locale = locale(exchange);
        // The comparison's own codes read better than the general sentence with the rule ID.
        String own = messages.getMessage("cmp.refusal." + violation.code(), null, null, locale);
        if (own != null && violation.reasons().isEmpty()) {
            String field = violation.field() != null && fields.contains(violation.field()) ? violation.field() : "form";
            texts.put(field, own);
        }
        return texts;
    }

    private static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? PageLocale.CHINESE : locale;
    }

    /** A batch as its list and page show it: agency by name, rows matched so far and the share done. */
    record BatchRow(ComparisonBatchView batch, String agencyName, int done, int percent) {
    }

    record ProblemRow(RowProblem problem, String text) {
    }
}
