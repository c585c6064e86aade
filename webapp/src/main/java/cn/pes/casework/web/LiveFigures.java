package cn.pes.casework.web;

import cn.pes.casework.events.statistics.AreaStatistics;
import cn.pes.casework.events.statistics.MonthlyFigures;
import cn.pes.casework.web.ExportFiles.Share;
import cn.pes.casework.web.StatisticsTables.Line;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's area figures (the city's or a county's, from the monthly statistics) as text ready
 * for the page: the month's tiles, the trend table's rows and the trend chart. The page renders them
 * once; its live stream sends the same thing again whenever the figures change, and the page script
 * only puts each text in its place, so page and stream can never format a figure differently.
 */
@Component
class LiveFigures {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MessageSource messages;
    private final StatisticsCharts charts;

    LiveFigures(MessageSource messages, StatisticsCharts charts) {
        this.messages = messages;
        this.charts = charts;
    }

    /**
     * @param values each tile's text by its {@code data-live} name
     * @param rows   the trend table, oldest month first
     * @param chart  the trend chart's data
     */
    record Snapshot(Map<String, String> values, List<List<String>> rows, Map<String, Object> chart) {
    }

    Snapshot of(AreaStatistics statistics, Locale locale) {
        List<MonthlyFigures> months = statistics.months();
        MonthlyFigures month = months.get(months.size() - 1);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("registered", String.valueOf(month.registeredAtMonthEnd()));
        values.put("new", String.valueOf(month.newRegistrations()));
        values.put("reEmployed", String.valueOf(month.reEmployed()));
        values.put("viaReferral", text("dashboard.live.viaReferral", locale, month.reEmployedViaReferral()));
        values.put("cancelled", String.valueOf(month.cancelled()));
        values.put("longTerm", String.valueOf(month.longTermUnemployed()));
        values.put("longTermShare", text("dashboard.live.share", locale,
                StatisticsTables.display(new Share(month.longTermPerMille() / 1000.0))));
        values.put("coverage", StatisticsTables.display(new Share(month.coveragePerMille() / 1000.0)));
        values.put("coverageDetail", text("dashboard.live.coverageDetail", locale, month.contactedInMonth(),
                month.activeInMonth()));
        values.put("subsidies", String.valueOf(month.subsidiesPaid()));
        values.put("subsidyAmount", text("dashboard.yuan", locale, month.subsidyAmountPaid().toPlainString()));
        values.put("allowances", String.valueOf(month.allowancesPaid()));
        values.put("allowanceAmount", text("dashboard.yuan", locale, month.allowanceAmountPaid().toPlainString()));
        values.put("loans", String.valueOf(month.loansApproved()));
        values.put("loanAmount", text("dashboard.yuan", locale, month.loanAmountApproved().toPlainString()));
        values.put("knownAt", text("dashboard.live.knownAt", locale,
                TIME.format(statistics.knownAt().atZone(PageQueries.AGENCY_ZONE))));
        List<Line> lines = months.stream().map(m -> new Line(m.month().toString(), m)).toList();
        List<List<String>> rows = months.stream().map(m -> List.of(m.month().toString(),
                String.valueOf(m.registeredAtMonthEnd()), String.valueOf(m.newRegistrations()),
                String.valueOf(m.reEmployed()), String.valueOf(m.cancelled()), String.valueOf(m.contactedInMonth()),
                StatisticsTables.display(new Share(m.coveragePerMille() / 1000.0)))).toList();
        return new Snapshot(values, rows, charts.trend(lines, locale));
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
