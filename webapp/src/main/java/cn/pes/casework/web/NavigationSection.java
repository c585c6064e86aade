package cn.pes.casework.web;

/**
 * The platform's areas of work, in the order the header shows them. The services the city's plan
 * lists each get a section (失业登记与跟踪, 信息比对, 技能提升补贴, 职业介绍, 创业服务, 统计分析, 审计); a section
 * appears once a capability puts a page in it.
 */
public enum NavigationSection {
    CASEWORK("nav.section.casework"),
    COMPARISON("nav.section.comparison"),
    SUBSIDIES("nav.section.subsidies"),
    JOB_SERVICES("nav.section.jobServices"),
    ENTREPRENEURSHIP("nav.section.entrepreneurship"),
    STATISTICS("nav.section.statistics"),
    AUDIT("nav.section.audit"),
    ACCOUNT("nav.section.account");

    private final String messageKey;

    NavigationSection(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
