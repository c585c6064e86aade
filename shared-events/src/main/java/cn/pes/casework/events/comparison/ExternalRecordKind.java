package cn.pes.casework.events.comparison;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.employment.EmploymentType;

/**
 * The kinds of external records an agency compares its registrations with (信息比对, TRK-2), and the
 * status change each implies when it names a person with an active registration: employment
 * (CAN-1's employment grounds) or another CAN-1 ground.
 */
public enum ExternalRecordKind {
    /** 社会保险参保登记: the record names the employer and the enrolment date. */
    SOCIAL_INSURANCE_ENROLMENT(EmploymentType.EMPLOYED_BY_UNIT, null, true),
    /** 市场主体登记 (个体工商户/企业): the record names the business and its registration date. */
    BUSINESS_REGISTRATION(EmploymentType.SELF_EMPLOYED, null, true),
    /** 按月领取基本养老金: the date the pension starts. */
    PENSION_START(null, CancellationGround.RECEIVES_PENSION, false),
    /** 死亡: the date of death. */
    DEATH(null, CancellationGround.DIED, false),
    /** 全日制学历教育入学: the school and the enrolment date. */
    FULL_TIME_SCHOOL(null, CancellationGround.FULL_TIME_SCHOOL, true),
    /** 应征入伍: the enlistment date. */
    ENLISTMENT(null, CancellationGround.ENLISTED, false),
    /** 出国(境)定居: the departure date. */
    DEPARTURE_ABROAD(null, CancellationGround.MOVED_ABROAD, false),
    /** 被判刑收监执行: the date of committal. */
    IMPRISONMENT(null, CancellationGround.IMPRISONED, false);

    private final EmploymentType employmentType;
    private final CancellationGround ground;
    private final boolean organisationRequired;

    ExternalRecordKind(EmploymentType employmentType, CancellationGround ground, boolean organisationRequired) {
        this.employmentType = employmentType;
        this.ground = ground;
        this.organisationRequired = organisationRequired;
    }

    /** The employment the record shows, or null when it implies a cancellation ground instead. */
    public EmploymentType employmentType() {
        return employmentType;
    }

    /** The CAN-1 ground the record implies, or null when it shows employment. */
    public CancellationGround ground() {
        return ground;
    }

    /** Whether a row must name an organisation (the employer, the business, the school). */
    public boolean organisationRequired() {
        return organisationRequired;
    }
}
