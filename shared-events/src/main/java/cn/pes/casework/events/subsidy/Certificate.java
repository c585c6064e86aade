package cn.pes.casework.events.subsidy;

import java.time.LocalDate;

/**
 * The certificate a skills subsidy is claimed on (SUB-1).
 *
 * @param occupation        the occupation (工种/职业) as printed, e.g. 电工
 * @param certificateNumber unique across all people: one certificate pays once
 * @param issuingBody       the assessment or certification body
 */
public record Certificate(String occupation, CertificateLevel level, String certificateNumber, String issuingBody,
                          LocalDate issuedOn) {
}
