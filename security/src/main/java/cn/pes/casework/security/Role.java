package cn.pes.casework.security;

/**
 * What an officer does for the service. One person may hold several roles; what each may see and do
 * is decided by {@link AccessRules} and the route table of the web security configuration.
 */
public enum Role {
    /** 经办人员: registers, tracks and serves people for a street or county agency. */
    CASEWORKER,
    /** 审核人员: a department that decides subsidy and loan applications. */
    REVIEWER,
    /** 统计分析人员: sees statistics, never personal data. */
    ANALYST,
    /** 审计人员: sees everything read-only, and the access log. */
    AUDITOR,
    /** 系统管理员: accounts, and erasure of personal data after retention; sees no case. */
    ADMINISTRATOR;

    /** The Spring Security authority that stands for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
