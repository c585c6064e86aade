package cn.pes.casework.web;

import cn.pes.casework.events.jobseeking.FindPendingJobSeekingReviewsQuery;
import cn.pes.casework.events.jobseeking.PendingJobSeekingReview;
import cn.pes.casework.events.jobseeking.PendingJobSeekingReviewsView;
import cn.pes.casework.events.registration.FindPendingApplicationsQuery;
import cn.pes.casework.events.registration.PendingApplication;
import cn.pes.casework.events.registration.PendingApplicationsView;
import cn.pes.casework.events.subsidy.FindMissedSubsidyDeadlinesQuery;
import cn.pes.casework.events.subsidy.MissedSubsidyDeadline;
import cn.pes.casework.events.subsidy.MissedSubsidyDeadlinesView;
import cn.pes.casework.security.AccessRules;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The overdue lists that have pages, as files with the column headers agencies use: online
 * applications awaiting a decision with those past their REG-5 due date marked (网上申请), job-seeking
 * registrations awaiting review with those past JOB-2's day marked (待审核求职登记), and the skills
 * subsidy deadlines a department missed (SUB-3, SUB-5, 超期未办). Each holds what its page shows to the
 * same officers, people masked the same way, and each export is recorded in the access log.
 */
@Controller
class OverdueExports {

    private final PageQueries pageQueries;
    private final AccessRules rules;
    private final AgencyDirectory agencies;
    private final MessageSource messages;
    private final ExportFiles exports;
    private final Clock clock;

    OverdueExports(PageQueries pageQueries, AccessRules rules, AgencyDirectory agencies, MessageSource messages,
                   ExportFiles exports, Clock clock) {
        this.pageQueries = pageQueries;
        this.rules = rules;
        this.agencies = agencies;
        this.messages = messages;
        this.exports = exports;
        this.clock = clock;
    }

    /** The officer's agency's pending online applications, as {@code /applications} lists them. */
    @GetMapping({"/applications.csv", "/applications.xlsx"})
    Mono<ResponseEntity<byte[]>> applications(ServerWebExchange exchange) {
        String format = format(exchange);
        Labels labels = labels(exchange);
        LocalDate today = today();
        return officer().flatMap(officer -> {
            String agencyId = officer.agencyId();
            if (!rules.mayListPeopleOf(officer, agencyId)) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            return pageQueries.query(new FindPendingApplicationsQuery(agencyId, today, false), PendingApplicationsView.class)
                    .map(PendingApplicationsView::applications)
                    .defaultIfEmpty(List.of())
                    .flatMap(applications -> exports.download(officer, exchange, "pending-applications",
                            "agency=" + agencyId + " asOf=" + today,
                            "applications-" + agencyId + "-" + today + "." + format, "xlsx".equals(format),
                            List.of(applications(applications, labels))));
        });
    }

    /** Job-seeking registrations waiting for review at the agency and those below it, as the page lists them. */
    @GetMapping({"/job-seeking/reviews.csv", "/job-seeking/reviews.xlsx"})
    Mono<ResponseEntity<byte[]>> reviews(@RequestParam(name = "agency", required = false) String agency,
                                         ServerWebExchange exchange) {
        String format = format(exchange);
        Labels labels = labels(exchange);
        LocalDate today = today();
        return officer().flatMap(officer -> {
            String agencyId = agency == null || agency.isBlank() ? officer.agencyId() : agency;
            // The page's rule: reviewers and auditors city-wide, caseworkers the agencies they cover.
            if (agencies.find(agencyId).isEmpty() || !(officer.has(Role.AUDITOR) || officer.has(Role.REVIEWER)
                    || agencies.covers(officer.agencyId(), agencyId))) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            return pageQueries.query(new FindPendingJobSeekingReviewsQuery(agencyId, today),
                            PendingJobSeekingReviewsView.class)
                    .map(PendingJobSeekingReviewsView::reviews)
                    .defaultIfEmpty(List.of())
                    .flatMap(reviews -> exports.download(officer, exchange, "pending-job-seeking-reviews",
                            "agency=" + agencyId + " asOf=" + today,
                            "job-seeking-reviews-" + agencyId + "-" + today + "." + format, "xlsx".equals(format),
                            List.of(reviews(reviews, labels))));
        });
    }

    /** A department's missed skills subsidy deadlines, as {@code /subsidies/missed} lists them. */
    @GetMapping({"/subsidies/missed.csv", "/subsidies/missed.xlsx"})
    Mono<ResponseEntity<byte[]>> missed(@RequestParam(name = "department", required = false) String department,
                                        ServerWebExchange exchange) {
        String format = format(exchange);
        Labels labels = labels(exchange);
        return officer().flatMap(officer -> {
            String departmentId = department == null || department.isBlank() ? defaultDepartment(officer) : department;
            // The page's rule: the department the officer works for or sends to, those it covers; auditors all.
            boolean visible = officer.has(Role.AUDITOR) || agencies.covers(officer.agencyId(), departmentId)
                    || departmentId.equals(defaultDepartment(officer));
            if (!visible || agencies.find(departmentId).isEmpty()) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            return pageQueries.query(new FindMissedSubsidyDeadlinesQuery(List.of(departmentId)),
                            MissedSubsidyDeadlinesView.class)
                    .map(MissedSubsidyDeadlinesView::deadlines)
                    .defaultIfEmpty(List.of())
                    .flatMap(deadlines -> exports.download(officer, exchange, "missed-subsidy-deadlines",
                            "department=" + departmentId,
                            "missed-subsidy-deadlines-" + departmentId + "-" + today() + "." + format,
                            "xlsx".equals(format), List.of(missed(deadlines, labels))));
        });
    }

    static Table<PendingApplication> applications(List<PendingApplication> rows, Labels labels) {
        return new Table<>(labels.title("export.sheet.applications", "网上申请"), List.of(
                new Column<PendingApplication>(labels.header("case.name"), 10,
                        row -> MaskedPerson.of(row.person()).name()),
                new Column<PendingApplication>(labels.header("case.idNumber"), 22,
                        row -> MaskedPerson.of(row.person()).idNumber()),
                new Column<PendingApplication>(labels.header("applications.channel"), 20,
                        row -> labels.label("channel." + row.channel())),
                new Column<PendingApplication>(labels.header("applications.appliedOn"), 12, PendingApplication::appliedOn),
                new Column<PendingApplication>(labels.header("applications.dueOn"), 12, PendingApplication::decisionDueOn),
                new Column<PendingApplication>(labels.header("export.overdue"), 10,
                        row -> labels.label(row.overdue() ? "ledger.yes" : "ledger.no"))), rows);
    }

    Table<PendingJobSeekingReview> reviews(List<PendingJobSeekingReview> rows, Labels labels) {
        Map<String, String> names = agencies.all().stream().collect(Collectors.toMap(Agency::id, Agency::name));
        return new Table<>(labels.title("export.sheet.reviews", "待审核求职登记"), List.of(
                new Column<PendingJobSeekingReview>(labels.header("case.name"), 10,
                        row -> MaskedPerson.of(row.person()).name()),
                new Column<PendingJobSeekingReview>(labels.header("case.idNumber"), 22,
                        row -> MaskedPerson.of(row.person()).idNumber()),
                new Column<PendingJobSeekingReview>(labels.header("jobseeking.intentions"), 24,
                        row -> row.intentions() == null ? null : String.join("、", row.intentions().occupations())),
                new Column<PendingJobSeekingReview>(labels.header("export.expectedWage"), 12,
                        row -> row.intentions() == null ? null : row.intentions().expectedMonthlyWageYuan()),
                new Column<PendingJobSeekingReview>(labels.header("case.agency"), 30,
                        row -> names.getOrDefault(row.agencyId(), row.agencyId())),
                new Column<PendingJobSeekingReview>(labels.header("jobseeking.receivedOn"), 12,
                        PendingJobSeekingReview::receivedOn),
                new Column<PendingJobSeekingReview>(labels.header("jobseeking.reviewDueOn"), 12,
                        PendingJobSeekingReview::reviewDueOn),
                new Column<PendingJobSeekingReview>(labels.header("export.overdue"), 10,
                        row -> labels.label(row.overdue() ? "ledger.yes" : "ledger.no"))), rows);
    }

    Table<MissedSubsidyDeadline> missed(List<MissedSubsidyDeadline> rows, Labels labels) {
        Map<String, String> names = agencies.all().stream().collect(Collectors.toMap(Agency::id, Agency::name));
        return new Table<>(labels.title("export.sheet.missed", "超期未办"), List.of(
                new Column<MissedSubsidyDeadline>(labels.header("subsidy.missed.kind"), 26,
                        row -> labels.label("missed." + row.kind())),
                new Column<MissedSubsidyDeadline>(labels.header("subsidy.department"), 30,
                        row -> names.getOrDefault(row.departmentId(), row.departmentId())),
                new Column<MissedSubsidyDeadline>(labels.header("subsidy.dueOn"), 12, MissedSubsidyDeadline::dueOn),
                new Column<MissedSubsidyDeadline>(labels.header("subsidy.missed.completedOn"), 12,
                        row -> row.completedOn() == null ? labels.label("subsidy.missed.outstanding") : row.completedOn()),
                new Column<MissedSubsidyDeadline>(labels.header("export.applicationId"), 40,
                        MissedSubsidyDeadline::applicationId),
                new Column<MissedSubsidyDeadline>(labels.header("export.caseId"), 40, MissedSubsidyDeadline::caseId)),
                rows);
    }

    /** A street office sends to its county's department; a county or city officer works for its own. */
    private String defaultDepartment(Officer officer) {
        return agencies.find(officer.agencyId())
                .map(agency -> agency.level() == Agency.Level.STREET ? agency.countyId() : agency.id())
                .orElse(officer.agencyId());
    }

    /** The file's format, as its route's extension names it. */
    private static String format(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().endsWith(".xlsx") ? "xlsx" : "csv";
    }

    private Labels labels(ServerWebExchange exchange) {
        return new Labels(messages, exchange.getLocaleContext().getLocale());
    }

    private static Mono<Officer> officer() {
        return Officer.current().switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PageQueries.AGENCY_ZONE));
    }
}
