package cn.pes.casework.web;

import cn.pes.casework.events.statistics.AreaStatistics;
import cn.pes.casework.events.statistics.FindAreaStatisticsQuery;
import cn.pes.casework.events.statistics.MonthlyFigures;
import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.web.LedgerTables.Column;
import cn.pes.casework.web.LedgerTables.Labels;
import cn.pes.casework.web.LedgerTables.Table;
import cn.pes.casework.web.StatisticsTables.Indicator;
import cn.pes.casework.web.StatisticsTables.Line;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The monthly statistics report (统计月报) of an area — the city, a county with its streets, or a
 * street — for any month, optionally as the platform knew it at a past instant (as known at, the
 * point-in-time view): every figure of the month, the same figures for each county (of the city) or
 * street (of a county), and the last twelve months. Without personal data, for whoever may read the
 * area's statistics; exportable as CSV and Excel, each export recorded in the access log.
 */
@Controller
class StatisticsPages {

    static final int TREND_MONTHS = 12;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PageQueries pageQueries;
    private final AccessRules rules;
    private final AgencyDirectory agencies;
    private final PageModel page;
    private final MessageSource messages;
    private final ExportFiles exports;
    private final StatisticsCharts charts;

    StatisticsPages(PageQueries pageQueries, AccessRules rules, AgencyDirectory agencies, PageModel page,
                    MessageSource messages, ExportFiles exports, StatisticsCharts charts) {
        this.pageQueries = pageQueries;
        this.rules = rules;
        this.agencies = agencies;
        this.page = page;
        this.messages = messages;
        this.exports = exports;
        this.charts = charts;
    }

    @GetMapping("/statistics")
    Mono<String> statistics(@RequestParam(name = "area", required = false) String area,
                            @RequestParam(name = "month", required = false) String month,
                            @RequestParam(name = "knownAt", required = false) String knownAt,
                            Model model, Locale locale) {
        Labels labels = new Labels(messages, locale);
        return page.signedIn(model).flatMap(officer -> {
            Request request = request(officer, area, month, knownAt);
            return report(request, labels).map(report -> {
                List<Indicator> indicators = StatisticsTables.indicators(labels);
                MonthlyFigures figures = report.figures();
                model.addAttribute("areas", areaChoices(officer));
                model.addAttribute("areaId", request.area().id());
                model.addAttribute("areaName", request.area().name());
                model.addAttribute("month", request.month());
                model.addAttribute("knownAt", request.knownAtInput());
                model.addAttribute("answeredAt", SHOWN.format(report.answeredAt().atZone(PageQueries.AGENCY_ZONE)));
                model.addAttribute("figures", indicators.stream().map(indicator -> new Figure(indicator.key(),
                        indicator.header(), StatisticsTables.display(indicator.value().apply(figures)))).toList());
                model.addAttribute("breakdown", shown(monthTable(request, report, labels, false)));
                model.addAttribute("subAreaLevel", request.area().level());
                model.addAttribute("trend", shown(trendTable(report, labels)));
                model.addAttribute("chartData", charts.json(java.util.Map.of("trend",
                        charts.trend(report.trend(), locale))));
                model.addAttribute("csvUrl", "/statistics.csv?" + request.query());
                model.addAttribute("xlsxUrl", "/statistics.xlsx?" + request.query());
                return "statistics/monthly";
            });
        });
    }

    /** The month's table (the area, then each county or street) as a CSV. */
    @GetMapping("/statistics.csv")
    Mono<ResponseEntity<byte[]>> csv(@RequestParam(name = "area", required = false) String area,
                                     @RequestParam(name = "month", required = false) String month,
                                     @RequestParam(name = "knownAt", required = false) String knownAt,
                                     ServerWebExchange exchange) {
        return export(area, month, knownAt, exchange, false);
    }

    /** The month's table and the twelve months' trend as an Excel workbook of two sheets. */
    @GetMapping("/statistics.xlsx")
    Mono<ResponseEntity<byte[]>> xlsx(@RequestParam(name = "area", required = false) String area,
                                      @RequestParam(name = "month", required = false) String month,
                                      @RequestParam(name = "knownAt", required = false) String knownAt,
                                      ServerWebExchange exchange) {
        return export(area, month, knownAt, exchange, true);
    }

    private Mono<ResponseEntity<byte[]>> export(String area, String month, String knownAt, ServerWebExchange exchange,
                                                boolean workbook) {
        Labels labels = new Labels(messages, exchange.getLocaleContext().getLocale());
        return Officer.current()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)))
                .flatMap(officer -> {
                    Request request = request(officer, area, month, knownAt);
                    return report(request, labels).flatMap(report -> {
                        List<Table<?>> tables = List.of(monthTable(request, report, labels, true),
                                trendTable(report, labels));
                        String filename = "statistics-" + request.area().id() + "-" + request.month()
                                + "." + (workbook ? "xlsx" : "csv");
                        return exports.download(officer, exchange, "statistics", request.filters(), filename,
                                workbook, tables);
                    });
                });
    }

    /** The area asked for (the officer's own when none), the month and the instant; out of scope: not found. */
    private Request request(Officer officer, String area, String month, String knownAt) {
        String areaId = area == null || area.isBlank() ? officer.agencyId() : area.strip();
        YearMonth yearMonth = pageQueries.month(month);
        if (!rules.maySeeStatisticsOf(officer, areaId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String knownAtInput = knownAt == null || knownAt.isBlank() ? null : knownAt.strip();
        Instant instant = null;
        if (knownAtInput != null) {
            try {
                instant = LocalDateTime.parse(knownAtInput).atZone(PageQueries.AGENCY_ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "knownAt must be a date and time, e.g. 2026-11-27T10:00");
            }
        }
        return new Request(agencies.find(areaId).orElseThrow(), yearMonth, instant, knownAtInput);
    }

    private Mono<Report> report(Request request, Labels labels) {
        Mono<AreaStatistics> trend = pageQueries.query(new FindAreaStatisticsQuery(areaIds(request.area()),
                request.month().minusMonths(TREND_MONTHS - 1), request.month(), request.knownAt()), AreaStatistics.class);
        // The area's own office alone, then each county (with its streets) or street: the lines add up to the area.
        List<Agency> below = subAreas(request.area());
        List<Part> parts = new ArrayList<>();
        if (!below.isEmpty()) {
            parts.add(new Part(labels.messages().getMessage("stats.ownOffice", new Object[]{request.area().name()},
                    labels.locale()), List.of(request.area().id())));
        }
        below.forEach(sub -> parts.add(new Part(sub.name(), areaIds(sub))));
        Mono<List<Line>> breakdown = Flux.fromIterable(parts)
                .concatMap(part -> pageQueries.query(new FindAreaStatisticsQuery(part.agencyIds(), request.month(),
                                request.month(), request.knownAt()), AreaStatistics.class)
                        .map(answer -> new Line(part.label(), answer.months().get(0))))
                .collectList();
        return Mono.zip(trend, breakdown).map(found -> {
            List<MonthlyFigures> months = found.getT1().months();
            return new Report(months.get(months.size() - 1),
                    months.stream().map(m -> new Line(m.month().toString(), m)).toList(),
                    found.getT2(), found.getT1().knownAt());
        });
    }

    /** The agencies an area counts: itself and those it covers. */
    List<String> areaIds(Agency area) {
        return agencies.coveredBy(area.id()).stream().map(Agency::id).toList();
    }

    /** The city's counties, a county's streets; a street has none. */
    private List<Agency> subAreas(Agency area) {
        return switch (area.level()) {
            case CITY -> agencies.all().stream().filter(a -> a.level() == Agency.Level.COUNTY).toList();
            case COUNTY -> agencies.all().stream()
                    .filter(a -> a.level() == Agency.Level.STREET && area.id().equals(a.countyId())).toList();
            case STREET -> List.of();
        };
    }

    private List<Agency> areaChoices(Officer officer) {
        return officer.has(Role.AUDITOR) ? agencies.all() : agencies.coveredBy(officer.agencyId());
    }

    private static Table<Line> monthTable(Request request, Report report, Labels labels, boolean withArea) {
        List<Line> lines = new ArrayList<>();
        if (withArea) {
            lines.add(new Line(request.area().name(), report.figures()));
        }
        lines.addAll(report.breakdown());
        return StatisticsTables.table(labels.title("stats.sheet.month", "统计月报"), labels.header("stats.col.area"),
                true, lines, labels);
    }

    private static Table<Line> trendTable(Report report, Labels labels) {
        return StatisticsTables.table(labels.title("stats.sheet.trend", "近12个月"), labels.header("stats.col.month"),
                false, report.trend(), labels);
    }

    /** A table as the page shows it: headers, and each line's cells as text. */
    private static <T> Shown shown(Table<T> table) {
        List<String> headers = table.columns().stream().map(Column::header).toList();
        List<List<String>> rows = table.rows().stream().map(row -> table.columns().stream()
                .map(column -> StatisticsTables.display(column.cell().apply(row))).toList()).toList();
        return new Shown(headers, rows);
    }

    record Figure(String key, String header, String value) {
    }

    record Shown(List<String> headers, List<List<String>> rows) {
    }

    private record Request(Agency area, YearMonth month, Instant knownAt, String knownAtInput) {

        /** The filters as the access log keeps them: no personal data in a statistics request. */
        String filters() {
            return "area=" + area.id() + " month=" + month + (knownAtInput == null ? "" : " knownAt=" + knownAtInput);
        }

        /** The same report's query string, for its export links. */
        String query() {
            UriComponentsBuilder uri = UriComponentsBuilder.newInstance().queryParam("area", area.id())
                    .queryParam("month", month.toString());
            if (knownAtInput != null) {
                uri.queryParam("knownAt", knownAtInput);
            }
            return uri.encode().build().getQuery();
        }
    }

    private record Part(String label, List<String> agencyIds) {
    }

    private record Report(MonthlyFigures figures, List<Line> trend, List<Line> breakdown, Instant answeredAt) {
    }
}
