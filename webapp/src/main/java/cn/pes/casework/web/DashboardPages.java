package cn.pes.casework.web;

import cn.pes.casework.events.statistics.CaseloadFigures;
import cn.pes.casework.events.statistics.ContactFigures;
import cn.pes.casework.events.statistics.FindCaseloadFiguresQuery;
import cn.pes.casework.events.statistics.FindContactFiguresQuery;
import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A first dashboard without personal data: active registrations and tracking coverage of the month
 * for each agency the officer covers, and the last six months' trend for all of them together.
 * The figures travel to the page as a JSON data island that the chart script reads; the same
 * figures are in tables for keyboards, screen readers and printing.
 */
@Controller
class DashboardPages {

    private static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int TREND_MONTHS = 6;

    private final PageQueries pageQueries;
    private final AccessRules rules;
    private final AgencyDirectory agencies;
    private final PageModel page;
    private final ObjectMapper json;
    private final Clock clock;

    DashboardPages(PageQueries pageQueries, AccessRules rules, AgencyDirectory agencies, PageModel page, ObjectMapper json,
                   Clock clock) {
        this.pageQueries = pageQueries;
        this.rules = rules;
        this.agencies = agencies;
        this.page = page;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    Mono<String> dashboard(@RequestParam(name = "month", required = false) String month, Model model) {
        YearMonth yearMonth = pageQueries.month(month);
        LocalDate today = LocalDate.now(clock.withZone(AGENCY_ZONE));
        return page.signedIn(model).flatMap(officer -> {
            if (!rules.maySeeStatisticsOf(officer, officer.agencyId())) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            List<Agency> covered = officer.has(Role.AUDITOR) ? agencies.all() : agencies.coveredBy(officer.agencyId());
            List<String> all = covered.stream().map(Agency::id).toList();
            Mono<List<AgencyFigures>> byAgency = Flux.fromIterable(covered)
                    .concatMap(agency -> figures(List.of(agency.id()), yearMonth, today)
                            .map(figures -> new AgencyFigures(agency.name(), figures[0], figures[1])))
                    .collectList();
            Mono<List<MonthFigures>> trend = Flux.fromStream(IntStream.range(0, TREND_MONTHS)
                            .mapToObj(back -> yearMonth.minusMonths(TREND_MONTHS - 1 - back)))
                    .concatMap(m -> figures(all, m, today).map(figures -> new MonthFigures(m.toString(), figures[0],
                            figures[1])))
                    .collectList();
            return Mono.zip(byAgency, trend).map(found -> {
                model.addAttribute("month", yearMonth);
                model.addAttribute("byAgency", found.getT1());
                model.addAttribute("trend", found.getT2());
                model.addAttribute("chartData", chartData(found.getT1(), found.getT2()));
                return "dashboard/dashboard";
            });
        });
    }

    /** {active registrations, cases contacted} of the agencies in the month. */
    private Mono<int[]> figures(List<String> agencyIds, YearMonth month, LocalDate today) {
        Mono<CaseloadFigures> caseload = pageQueries.query(new FindCaseloadFiguresQuery(agencyIds, month, today),
                CaseloadFigures.class);
        Mono<ContactFigures> contacts = pageQueries.query(new FindContactFiguresQuery(agencyIds, month), ContactFigures.class);
        return Mono.zip(caseload, contacts, (load, contact) -> new int[]{load.activeCases(), contact.contactedCases()});
    }

    private String chartData(List<AgencyFigures> byAgency, List<MonthFigures> trend) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agencies", byAgency);
        data.put("trend", trend);
        try {
            // Inside a <script type="application/json">: "</" must not end the element early.
            return json.writeValueAsString(data).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dashboard figures could not be written", e);
        }
    }

    record AgencyFigures(String agency, int activeCases, int contactedCases) {
    }

    record MonthFigures(String month, int activeCases, int contactedCases) {
    }

}
