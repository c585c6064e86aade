package cn.pes.casework.command.web;

import cn.pes.casework.command.entrepreneurship.TrainingInstitutionQueryHandler;
import cn.pes.casework.command.web.request.InterestSubsidyRequest;
import cn.pes.casework.command.web.request.LoanApplicationRequest;
import cn.pes.casework.command.web.request.LoanApprovalRequest;
import cn.pes.casework.command.web.request.LoanDeclineRequest;
import cn.pes.casework.command.web.request.LoanDisbursementRequest;
import cn.pes.casework.command.web.request.LoanOverdueReportRequest;
import cn.pes.casework.command.web.request.LoanRepaymentRequest;
import cn.pes.casework.command.web.request.TrainingCompletionRequest;
import cn.pes.casework.command.web.request.TrainingDropOutRequest;
import cn.pes.casework.command.web.request.TrainingEnrolmentRequest;
import cn.pes.casework.events.entrepreneurship.ApplyForGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.ApproveGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.CompleteEntrepreneurshipTrainingCommand;
import cn.pes.casework.events.entrepreneurship.DeclineGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.EnrolInEntrepreneurshipTrainingCommand;
import cn.pes.casework.events.entrepreneurship.FindTrainingInstitutionsQuery;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanEligibilityAssessed;
import cn.pes.casework.events.entrepreneurship.RecordInterestSubsidyCommand;
import cn.pes.casework.events.entrepreneurship.RecordLoanDisbursementCommand;
import cn.pes.casework.events.entrepreneurship.RecordLoanRepaymentCommand;
import cn.pes.casework.events.entrepreneurship.RecordTrainingDropOutCommand;
import cn.pes.casework.events.entrepreneurship.ReportLoanOverdueCommand;
import cn.pes.casework.events.entrepreneurship.TrainingInstitutionsView;
import cn.pes.casework.events.shared.Channel;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entrepreneurship services (创业服务): training at designated institutions (ENT-1) and guarantee loans
 * (创业担保贷款, ENT-2..ENT-5). The case decides; maturity without repayment is recorded by the
 * platform's clock, not through this API.
 */
@RestController
class EntrepreneurshipController {

    private static final String CASES = "/api/cases/{caseId}";

    private final OfficerCommands commands;
    private final ActingOfficerResolver officers;
    private final TimeOrderedIds ids;
    private final AgencyToday today;
    private final TrainingInstitutionQueryHandler institutions;

    EntrepreneurshipController(OfficerCommands commands, ActingOfficerResolver officers, TimeOrderedIds ids,
                               AgencyToday today, TrainingInstitutionQueryHandler institutions) {
        this.commands = commands;
        this.officers = officers;
        this.ids = ids;
        this.today = today;
        this.institutions = institutions;
    }

    /** The designated institutions, only those designated on {@code designatedOn} when given. */
    @GetMapping("/api/training-institutions")
    TrainingInstitutionsView institutions(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate designatedOn) {
        return institutions.find(new FindTrainingInstitutionsQuery(designatedOn));
    }

    @PostMapping(CASES + "/entrepreneurship-trainings")
    Mono<ResponseEntity<Map<String, String>>> enrol(@PathVariable String caseId,
                                                    @Valid @RequestBody TrainingEnrolmentRequest request,
                                                    ServerWebExchange exchange) {
        String trainingId = request.trainingId() == null ? ids.next() : request.trainingId();
        return commands.send(new EnrolInEntrepreneurshipTrainingCommand(caseId, trainingId, request.institutionId(),
                        request.trainingType(), request.startsOn(), today.date()), exchange)
                .thenReturn(ResponseEntity.created(URI.create("/api/cases/" + caseId + "/entrepreneurship"))
                        .body(Map.of("caseId", caseId, "trainingId", trainingId)));
    }

    @PostMapping(CASES + "/entrepreneurship-trainings/{trainingId}/completion")
    Mono<Map<String, String>> complete(@PathVariable String caseId, @PathVariable String trainingId,
                                       @Valid @RequestBody TrainingCompletionRequest request, ServerWebExchange exchange) {
        return commands.send(new CompleteEntrepreneurshipTrainingCommand(caseId, trainingId, request.completedOn(),
                        request.certificateNumber()), exchange)
                .thenReturn(Map.of("caseId", caseId, "trainingId", trainingId));
    }

    @PostMapping(CASES + "/entrepreneurship-trainings/{trainingId}/drop-out")
    Mono<Map<String, String>> dropOut(@PathVariable String caseId, @PathVariable String trainingId,
                                      @Valid @RequestBody TrainingDropOutRequest request, ServerWebExchange exchange) {
        return commands.send(new RecordTrainingDropOutCommand(caseId, trainingId, request.droppedOutOn(),
                        request.reason()), exchange)
                .thenReturn(Map.of("caseId", caseId, "trainingId", trainingId));
    }

    /**
     * 201 with the assessment, eligible or not: a refusal is a recorded decision, not an error. The
     * handling agency is the signed-in officer's.
     */
    @PostMapping(CASES + "/guarantee-loans")
    Mono<ResponseEntity<Map<String, Object>>> apply(@PathVariable String caseId,
                                                    @Valid @RequestBody LoanApplicationRequest request,
                                                    ServerWebExchange exchange) {
        LocalDate date = today.date();
        String loanId = request.loanId() == null ? ids.next() : request.loanId();
        return officers.resolve().flatMap(officer -> commands.<GuaranteeLoanEligibilityAssessed>send(
                        new ApplyForGuaranteeLoanCommand(caseId, loanId, request.application(), officer.agencyId(),
                                request.appliedOn() == null ? date : request.appliedOn(), date),
                        officer, Channel.BACK_OFFICE, exchange))
                .map(assessed -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("caseId", caseId);
                    body.put("loanId", loanId);
                    body.put("eligible", assessed.eligible());
                    body.put("failedConditions", assessed.failedConditions());
                    body.put("policyVersion", assessed.policyVersion());
                    return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/guarantee-loans/" + loanId))
                            .body(body);
                });
    }

    @PostMapping(CASES + "/guarantee-loans/{loanId}/approval")
    Mono<Map<String, String>> approve(@PathVariable String caseId, @PathVariable String loanId,
                                      @Valid @RequestBody LoanApprovalRequest request, ServerWebExchange exchange) {
        return commands.send(new ApproveGuaranteeLoanCommand(caseId, loanId, request.amount(),
                        request.termMonths() == null ? 0 : request.termMonths(), request.lender(),
                        request.guaranteeContractNumber(), request.approvedOn()), exchange)
                .thenReturn(Map.of("caseId", caseId, "loanId", loanId));
    }

    @PostMapping(CASES + "/guarantee-loans/{loanId}/decline")
    Mono<Map<String, String>> decline(@PathVariable String caseId, @PathVariable String loanId,
                                      @Valid @RequestBody LoanDeclineRequest request, ServerWebExchange exchange) {
        return commands.send(new DeclineGuaranteeLoanCommand(caseId, loanId, request.declinedOn(), request.reason()),
                        exchange)
                .thenReturn(Map.of("caseId", caseId, "loanId", loanId));
    }

    @PostMapping(CASES + "/guarantee-loans/{loanId}/disbursement")
    Mono<Map<String, String>> disburse(@PathVariable String caseId, @PathVariable String loanId,
                                       @Valid @RequestBody LoanDisbursementRequest request, ServerWebExchange exchange) {
        return commands.send(new RecordLoanDisbursementCommand(caseId, loanId, request.disbursedOn()), exchange)
                .thenReturn(Map.of("caseId", caseId, "loanId", loanId));
    }

    @PostMapping(CASES + "/guarantee-loans/{loanId}/repayments")
    Mono<ResponseEntity<Map<String, String>>> repay(@PathVariable String caseId, @PathVariable String loanId,
                                                    @Valid @RequestBody LoanRepaymentRequest request,
                                                    ServerWebExchange exchange) {
        String repaymentId = request.repaymentId() == null ? ids.next() : request.repaymentId();
        return commands.send(new RecordLoanRepaymentCommand(caseId, loanId, repaymentId, request.paidOn(),
                        request.principal(), request.interest()), exchange)
                .thenReturn(ResponseEntity.created(URI.create("/api/cases/" + caseId + "/guarantee-loans/" + loanId))
                        .body(Map.of("caseId", caseId, "loanId", loanId, "repaymentId", repaymentId)));
    }

    @PostMapping(CASES + "/guarantee-loans/{loanId}/overdue-reports")
    Mono<Map<String, String>> reportOverdue(@PathVariable String caseId, @PathVariable String loanId,
                                            @Valid @RequestBody LoanOverdueReportRequest request,
                                            ServerWebExchange exchange) {
        return commands.send(new ReportLoanOverdueCommand(caseId, loanId, request.overdueSince()), exchange)
                .thenReturn(Map.of("caseId", caseId, "loanId", loanId));
    }

    @PostMapping(CASES + "/guarantee-loans/{loanId}/interest-subsidies")
    Mono<ResponseEntity<Map<String, String>>> subsidiseInterest(@PathVariable String caseId,
                                                                @PathVariable String loanId,
                                                                @Valid @RequestBody InterestSubsidyRequest request,
                                                                ServerWebExchange exchange) {
        return commands.send(new RecordInterestSubsidyCommand(caseId, loanId, request.periodFrom(),
                        request.periodTo(), request.interest(), request.subsidy(), request.paidOn()), exchange)
                .thenReturn(ResponseEntity.created(URI.create("/api/cases/" + caseId + "/guarantee-loans/" + loanId))
                        .body(Map.of("caseId", caseId, "loanId", loanId)));
    }
}
