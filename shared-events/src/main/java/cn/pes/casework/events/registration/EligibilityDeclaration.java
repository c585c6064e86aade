package cn.pes.casework.events.registration;

/**
 * What the applicant declares about the conditions of REG-1 other than age (age comes from the
 * ID number).
 *
 * @param receivingPension lawfully receiving basic pension benefits (按月领取基本养老金)
 * @param employed         currently in work
 * @param ableToWork       has the ability to work (有劳动能力)
 * @param wantsWork        wants to work (有就业要求)
 */
public record EligibilityDeclaration(boolean receivingPension, boolean employed, boolean ableToWork,
                                     boolean wantsWork) {
}
