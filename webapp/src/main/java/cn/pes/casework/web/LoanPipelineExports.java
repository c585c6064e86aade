package cn.pes.casework.web;

import cn.pes.casework.events.entrepreneurship.FindLoanPipelineQuery;
import cn.pes.casework.events.entrepreneurship.LoanPipelineLine;
import cn.pes.casework.events.entrepreneurship.LoanPipelineView;
import cn.pes.casework.events.entrepreneurship.LoanStage;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.web.LedgerTables.Column;
import cn.pes.casework.web.LedgerTables.Labels;
import cn.pes.casework.web.LedgerTables.Table;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The guarantee loan ledger (创业担保贷款台账) of {@code /loans} as a file: the same lines to the same
 * officers (an auditor any agency, others the agencies under their own), people masked, amounts as
 * numbers and dates as dates; each export is recorded in the access log.
 */
@Controller
class LoanPipelineExports {

    private final PageQueries pageQueries;
    private final AgencyDirectory agencies;
    private final MessageSource messages;
    private final ExportFiles exports;
    private final Clock clock;

    LoanPipelineExports(PageQueries pageQueries, AgencyDirectory agencies, MessageSource messages, ExportFiles exports,
                        Clock clock) {
        this.pageQueries = pageQueries;
        this.agencies = agencies;
        this.messages = messages;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping({"/loans.csv", "/loans.xlsx"})
    Mono<ResponseEntity<byte[]>> loans(@RequestParam(name = "agency", required = false) String agency,
                                       @RequestParam(name = "stage", required = false) String stage,
                                       ServerWebExchange exchange) {
        boolean workbook = exchange.getRequest().getPath().value().endsWith(".xlsx");
        Labels labels = new Labels(messages, exchange.getLocaleContext().getLocale());
        LocalDate today = LocalDate.now(clock.withZone(PageQueries.AGENCY_ZONE));
        return Officer.current()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)))
                .flatMap(officer -> {
                    String agencyId = agency == null || agency.isBlank() ? officer.agencyId() : agency;
                    boolean visible = officer.has(Role.AUDITOR) ? agencies.find(agencyId).isPresent()
                            : agencies.coveredBy(officer.agencyId()).stream().anyMatch(a -> a.id().equals(agencyId));
                    if (!visible) {
                        return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
                    }
                    LoanStage stageFilter = stage == null || stage.isBlank() ? null
                            : Arrays.stream(LoanStage.values()).filter(s -> s.name().equals(stage)).findFirst()
                            .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
                    return pageQueries.query(new FindLoanPipelineQuery(agencyId, stageFilter, today), LoanPipelineView.class)
                            .map(LoanPipelineView::lines)
                            .defaultIfEmpty(List.of())
                            .flatMap(lines -> exports.download(officer, exchange, "guarantee-loans",
                                    "agency=" + agencyId + (stageFilter == null ? "" : " stage=" + stageFilter)
                                            + " asOf=" + today,
                                    "guarantee-loans-" + agencyId + "-" + today + (workbook ? ".xlsx" : ".csv"),
                                    workbook, List.of(table(lines, labels))));
                });
    }

    Table<LoanPipelineLine> table(List<LoanPipelineLine> lines, Labels labels) {
        Map<String, String> names = agencies.all().stream().collect(Collectors.toMap(Agency::id, Agency::name));
        return new Table<>(labels.title("ent.export.sheet", "创业担保贷款台账"), List.of(
                new Column<LoanPipelineLine>(labels.header("case.name"), 10, line -> MaskedPerson.of(line.person()).name()),
                new Column<LoanPipelineLine>(labels.header("case.idNumber"), 22,
                        line -> MaskedPerson.of(line.person()).idNumber()),
                new Column<LoanPipelineLine>(labels.header("ent.business"), 26, LoanPipelineLine::businessName),
                new Column<LoanPipelineLine>(labels.header("ent.agency"), 30,
                        line -> names.getOrDefault(line.agencyId(), line.agencyId())),
                new Column<LoanPipelineLine>(labels.header("ent.amountRequested"), 14, LoanPipelineLine::amountRequested),
                new Column<LoanPipelineLine>(labels.header("ent.amountApproved"), 14, LoanPipelineLine::amountApproved),
                new Column<LoanPipelineLine>(labels.header("ent.outstanding"), 14, LoanPipelineLine::outstanding),
                new Column<LoanPipelineLine>(labels.header("ent.appliedOn"), 12, LoanPipelineLine::appliedOn),
                new Column<LoanPipelineLine>(labels.header("ent.export.approvedOn"), 12, LoanPipelineLine::approvedOn),
                new Column<LoanPipelineLine>(labels.header("ent.disbursedOn"), 12, LoanPipelineLine::disbursedOn),
                new Column<LoanPipelineLine>(labels.header("ent.maturesOnTitle"), 12, LoanPipelineLine::maturesOn),
                new Column<LoanPipelineLine>(labels.header("ent.overdueSince"), 12, LoanPipelineLine::overdueSince),
                new Column<LoanPipelineLine>(labels.header("ent.stage"), 22,
                        line -> labels.label("ent.loanStage." + line.stage())),
                new Column<LoanPipelineLine>(labels.header("export.caseId"), 40, LoanPipelineLine::caseId),
                new Column<LoanPipelineLine>(labels.header("ent.export.loanId"), 40, LoanPipelineLine::loanId)),
                lines);
    }
}
