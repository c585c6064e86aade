package cn.pes.casework.web;

import cn.pes.casework.events.statistics.MonthlyFigures;
import cn.pes.casework.web.StatisticsTables.Line;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * An area's months as the chart script draws them (labels in the page's language): stocks as bars,
 * the month's movements as lines. The statistics page, the dashboard and its live stream send the
 * same shape, so one script draws and redraws them.
 */
@Component
class StatisticsCharts {

    private final ObjectMapper json;
    private final MessageSource messages;

    StatisticsCharts(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    Map<String, Object> trend(List<Line> months, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", months.stream().map(Line::label).toList());
        chart.put("series", List.of(
                series("stats.col.registeredAtMonthEnd", "bar", months, MonthlyFigures::registeredAtMonthEnd, locale),
                series("stats.col.contactedInMonth", "bar", months, MonthlyFigures::contactedInMonth, locale),
                series("stats.col.newRegistrations", "line", months, MonthlyFigures::newRegistrations, locale),
                series("stats.col.reEmployed", "line", months, MonthlyFigures::reEmployed, locale),
                series("stats.col.cancelled", "line", months, MonthlyFigures::cancelled, locale)));
        chart.put("horizontal", false);
        return chart;
    }

    private Map<String, Object> series(String key, String type, List<Line> months, ToIntFunction<MonthlyFigures> value,
                                       Locale locale) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", messages.getMessage(key, null, key, locale));
        series.put("type", type);
        series.put("values", months.stream().map(line -> value.applyAsInt(line.figures())).toList());
        return series;
    }

    /** For a {@code <script type="application/json">} data island: "</" must not end the element early. */
    String json(Object data) {
        try {
            return json.writeValueAsString(data).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart figures could not be written", e);
        }
    }
}
