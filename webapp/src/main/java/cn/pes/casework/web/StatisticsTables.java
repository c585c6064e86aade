package cn.pes.casework.web;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.statistics.MonthlyFigures;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.web.ExportFiles.Share;
import cn.pes.casework.web.LedgerTables.Column;
import cn.pes.casework.web.LedgerTables.Labels;
import cn.pes.casework.web.LedgerTables.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The monthly statistics table (统计月报) as agencies keep it: one line per area (or per month), the
 * figures of {@link MonthlyFigures} in columns under the headers agencies use (月末登记失业人数, 新增登记,
 * 实现就业, 其中推荐就业, 注销 by CAN-1 ground, 长期失业, 跟踪 by TRK-2 method, money paid). The page, the
 * CSV and the workbook all show these columns, decided once, here.
 */
final class StatisticsTables {

    private StatisticsTables() {
    }

    /**
     * One figure of a month.
     *
     * @param key   message key of its header ({@code stats.col.*}); also the page's {@code data-figure}
     * @param value an Integer, a BigDecimal (yuan) or a {@link Share}
     */
    record Indicator(String key, String header, int width, Function<MonthlyFigures, Object> value) {
    }

    /** A line of the table: an area's month, or one month of an area's trend. */
    record Line(String label, MonthlyFigures figures) {
    }

    static List<Indicator> indicators(Labels labels) {
        List<Indicator> all = new ArrayList<>();
        all.add(indicator(labels, "registeredAtMonthEnd", 14, MonthlyFigures::registeredAtMonthEnd));
        all.add(indicator(labels, "newRegistrations", 10, MonthlyFigures::newRegistrations));
        all.add(indicator(labels, "reEmployed", 10, MonthlyFigures::reEmployed));
        all.add(indicator(labels, "reEmployedViaReferral", 12, MonthlyFigures::reEmployedViaReferral));
        all.add(indicator(labels, "cancelled", 10, MonthlyFigures::cancelled));
        for (CancellationGround ground : CancellationGround.values()) {
            String header = labels.messages().getMessage("stats.col.cancelledBy",
                    new Object[]{labels.label("ground." + ground)}, labels.locale());
            all.add(new Indicator("cancelled." + ground, header, 16,
                    figures -> figures.cancelledByGround().getOrDefault(ground, 0)));
        }
        all.add(indicator(labels, "longTermUnemployed", 12, MonthlyFigures::longTermUnemployed));
        all.add(indicator(labels, "longTermShare", 12, figures -> new Share(figures.longTermPerMille() / 1000.0)));
        all.add(indicator(labels, "activeInMonth", 10, MonthlyFigures::activeInMonth));
        all.add(indicator(labels, "contactedInMonth", 10, MonthlyFigures::contactedInMonth));
        all.add(indicator(labels, "coverage", 10, figures -> new Share(figures.coveragePerMille() / 1000.0)));
        for (ContactMethod method : List.of(ContactMethod.INFORMATION_COMPARISON, ContactMethod.ON_SITE_VISIT,
                ContactMethod.PHONE)) {
            all.add(new Indicator("contacted." + method, labels.label("method." + method), 10,
                    figures -> figures.contactedByMethod().getOrDefault(method, 0)));
        }
        all.add(indicator(labels, "subsidiesPaid", 14, MonthlyFigures::subsidiesPaid));
        all.add(indicator(labels, "subsidyAmountPaid", 16, figures -> yuan(figures.subsidyAmountPaid())));
        all.add(indicator(labels, "allowancesPaid", 14, MonthlyFigures::allowancesPaid));
        all.add(indicator(labels, "allowanceAmountPaid", 16, figures -> yuan(figures.allowanceAmountPaid())));
        all.add(indicator(labels, "loansApproved", 14, MonthlyFigures::loansApproved));
        all.add(indicator(labels, "loanAmountApproved", 16, figures -> yuan(figures.loanAmountApproved())));
        return all;
    }

    private static Indicator indicator(Labels labels, String key, int width, Function<MonthlyFigures, Object> value) {
        return new Indicator(key, labels.header("stats.col." + key), width, value);
    }

    private static BigDecimal yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * @param firstHeader the first column's header: the area (地区) or the month (月份)
     */
    static Table<Line> table(String title, String firstHeader, boolean withMonth, List<Line> lines, Labels labels) {
        List<Column<Line>> columns = new ArrayList<>();
        columns.add(new Column<>(firstHeader, 30, Line::label));
        if (withMonth) {
            columns.add(new Column<>(labels.header("stats.col.month"), 10, line -> line.figures().month().toString()));
        }
        for (Indicator indicator : indicators(labels)) {
            columns.add(new Column<>(indicator.header(), indicator.width(),
                    line -> indicator.value().apply(line.figures())));
        }
        return new Table<>(title, columns, lines);
    }

    /** A cell as a page shows it (and as a CSV writes it, without the quotes). */
    static String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof Share share) {
            return BigDecimal.valueOf(share.value() * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        return value.toString();
    }
}
