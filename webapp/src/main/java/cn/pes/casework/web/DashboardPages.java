package cn.pes.casework.web;

import cn.pes.casework.events.statistics.AreaStatistics;
import cn.pes.casework.events.statistics.CaseloadFigures;
import cn.pes.casework.events.statistics.FindAreaStatisticsQuery;
import cn.pes.casework.events.statistics.ContactFigures;
import cn.pes.casework.events.statistics.FindCaseloadFiguresQuery;
import cn.pes.casework.events.statistics.FindContactFiguresQuery;
import cn.pes.casework.events.statistics.FindFlowFiguresQuery;
import cn.pes.casework.events.statistics.FindJobFiguresQuery;
import cn.pes.casework.events.statistics.FlowFigures;
import cn.pes.casework.events.statistics.JobFigures;
import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.MessageSource;
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
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard, without personal data: the area's monthly statistics (the city's, or a county's with
 * its streets) for the month asked and the eleven before it, kept up to date while the page is open by
 * {@link DashboardStream}; the applications awaiting a decision today; each agency the officer covers
 * with its active registrations, new registrations, endings and tracking coverage; job introduction. The figures travel to
 * the page as a JSON data island that the chart script reads (labels included, in the page's
 * language); the same figures are in tables for keyboards, screen readers and printing.
 */
@Controller
class DashboardPages {

    private static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Shanghai");
    static final int TREND_MONTHS = 12;

    private final PageQueries pageQueries;
    private final AccessRules rules;
    private final AgencyDirectory agencies;
    private final PageModel page;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final Clock clock;
    private final LiveFigures liveFigures;

    DashboardPages(PageQueries pageQueries, AccessRules rules, AgencyDirectory agencies, PageModel page, ObjectMapper json,
                   MessageSource messages, Clock clock, LiveFigures liveFigures) {
        this.liveFigures = liveFigures;
        this.pageQueries = pageQueries;
        this.rules = rules;
        this.agencies = agencies;
        this.page = page;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    Mono<String> dashboard(@RequestParam(name = "month", required = false) String month,
                           @RequestParam(name = "area", required = false) String area, Model model, Locale locale) {
        YearMonth yearMonth = pageQueries.month(month);
        LocalDate today = LocalDate.now(clock.withZone(AGENCY_ZONE));
        return page.signedIn(model).flatMap(officer -> {
            List<Agency> covered = area(officer, area, rules, agencies);
            if (covered.isEmpty()) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            String areaId = area == null || area.isBlank() ? null : area.strip();
            model.addAttribute("areas", officer.has(Role.AUDITOR) ? agencies.all() : agencies.coveredBy(officer.agencyId()));
            model.addAttribute("areaId", areaId == null ? officer.agencyId() : areaId);
            List<String> all = covered.stream().map(Agency::id).toList();
            Mono<List<Figures>> byAgency = Flux.fromIterable(covered)
                    .concatMap(agency -> figures(agency.name(), List.of(agency.id()), yearMonth, today))
                    .collectList();
            // The area's figures (统计月报: the city, or a county with its streets), this month and the eleven
            // before it; the page's stream sends them again as caseworkers change them.
            Mono<AreaStatistics> statistics = pageQueries.query(areaQuery(all, yearMonth), AreaStatistics.class);
            Mono<CaseloadFigures> waiting = pageQueries.query(new FindCaseloadFiguresQuery(all, yearMonth, today),
                    CaseloadFigures.class);
            // Job introduction (职业介绍, JOB-1..JOB-6): reviews, referrals, hires, fairs and guidance of the month.
            Mono<JobFigures> jobs = pageQueries.query(new FindJobFiguresQuery(all, yearMonth), JobFigures.class);
            return Mono.zip(byAgency, statistics, waiting, jobs).map(found -> {
                LiveFigures.Snapshot live = liveFigures.of(found.getT2(), locale);
                model.addAttribute("jobs", found.getT4());
                model.addAttribute("month", yearMonth);
                model.addAttribute("byAgency", found.getT1());
                model.addAttribute("live", live.values());
                model.addAttribute("trendRows", live.rows());
                model.addAttribute("waiting", found.getT3());
                model.addAttribute("chartData", chartData(found.getT1(), live.chart(), locale));
                model.addAttribute("liveUrl", "/dashboard/live?month=" + yearMonth
                        + (areaId == null ? "" : "&area=" + areaId));
                return "dashboard/dashboard";
            });
        });
    }

    /**
     * The agencies a dashboard counts: without {@code area} the officer's own (auditors: the whole city);
     * with one — the city, a county, a street — that area and the agencies it covers, if the officer may
     * see its statistics. Empty when they may not (or it does not exist).
     */
    static List<Agency> area(Officer officer, String area, AccessRules rules, AgencyDirectory agencies) {
        if (area == null || area.isBlank()) {
            if (!rules.maySeeStatisticsOf(officer, officer.agencyId())) {
                return List.of();
            }
            return officer.has(Role.AUDITOR) ? agencies.all() : agencies.coveredBy(officer.agencyId());
        }
        String areaId = area.strip();
        if (!agencies.exists(areaId) || !rules.maySeeStatisticsOf(officer, areaId)) {
            return List.of();
        }
        return agencies.coveredBy(areaId);
    }

    /** The figures of the agencies in the month, under the label the tables and charts show. */
    private Mono<Figures> figures(String label, List<String> agencyIds, YearMonth month, LocalDate today) {
        Mono<CaseloadFigures> caseload = pageQueries.query(new FindCaseloadFiguresQuery(agencyIds, month, today),
                CaseloadFigures.class);
        Mono<ContactFigures> contacts = pageQueries.query(new FindContactFiguresQuery(agencyIds, month), ContactFigures.class);
        Mono<FlowFigures> flows = pageQueries.query(new FindFlowFiguresQuery(agencyIds, month), FlowFigures.class);
        return Mono.zip(caseload, contacts, flows).map(found -> new Figures(label, found.getT1().activeCases(),
                found.getT2().contactedCases(), found.getT3().newRegistrations(), found.getT3().employed(),
                found.getT3().cancelled()));
    }

    /** The months a dashboard shows: the month asked and the eleven before it, for the agencies counted. */
    static FindAreaStatisticsQuery areaQuery(List<String> agencyIds, YearMonth month) {
        return new FindAreaStatisticsQuery(agencyIds, month.minusMonths(TREND_MONTHS - 1), month, null);
    }

    private String chartData(List<Figures> byAgency, Map<String, Object> trend, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agencies", chart(byAgency, locale, false));
        data.put("trend", trend);
        try {
            // Inside a <script type="application/json">: "</" must not end the element early.
            return json.writeValueAsString(data).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dashboard figures could not be written", e);
        }
    }

    /** Stocks as bars; the month's movements as bars beside them, or as lines over the months of a trend. */
    private Map<String, Object> chart(List<Figures> figures, Locale locale, boolean trend) {
        String flowType = trend ? "line" : "bar";
        List<Map<String, Object>> series = List.of(
                series(label("dashboard.active", locale), "bar", figures.stream().map(Figures::activeCases).toList()),
                series(label("dashboard.contacted", locale), "bar", figures.stream().map(Figures::contactedCases).toList()),
                series(label("dashboard.newRegistrations", locale), flowType,
                        figures.stream().map(Figures::newRegistrations).toList()),
                series(label("dashboard.ended", locale), flowType,
                        figures.stream().map(f -> f.employed() + f.cancelled()).toList()));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", figures.stream().map(Figures::label).toList());
        chart.put("series", series);
        chart.put("horizontal", !trend);
        return chart;
    }

    private static Map<String, Object> series(String name, String type, List<Integer> values) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("type", type);
        series.put("values", values);
        return series;
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /**
     * @param label the agency's name, or the month of a trend
     */
    record Figures(String label, int activeCases, int contactedCases, int newRegistrations, int employed,
                   int cancelled) {

        /** Share of active registrations contacted in the month, or null without any. */
        public Double coverage() {
            return activeCases == 0 ? null : (double) contactedCases / activeCases;
        }
    }
}
