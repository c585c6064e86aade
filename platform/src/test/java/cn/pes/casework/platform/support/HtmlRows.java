package cn.pes.casework.platform.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a server-rendered page the way its tests need it, without a browser. */
public final class HtmlRows {

    private static final Pattern CASE_ROW = Pattern.compile("<tr data-case=\"([^\"]+)\"");

    private HtmlRows() {
    }

    /** The case IDs of the rows of the page's table of the given class, in the page's order. */
    public static List<String> caseIds(String html, String tableClass) {
        int start = html.indexOf("<table class=\"" + tableClass + "\">");
        if (start < 0) {
            throw new AssertionError("no table of class " + tableClass);
        }
        String table = html.substring(start, html.indexOf("</table>", start));
        List<String> caseIds = new ArrayList<>();
        Matcher row = CASE_ROW.matcher(table);
        while (row.find()) {
            caseIds.add(row.group(1));
        }
        return caseIds;
    }
}
