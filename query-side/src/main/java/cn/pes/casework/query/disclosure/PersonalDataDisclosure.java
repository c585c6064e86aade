package cn.pes.casework.query.disclosure;

import cn.pes.casework.events.shared.Masking;

import java.time.Instant;

/**
 * The full personal data of a case, the answer to an explicit and logged request. Deliberately not
 * {@link cn.pes.casework.events.shared.PersonalData}, which the web masks wherever it appears: this
 * type is the one way full values leave the platform.
 *
 * @param disclosedAt when the values were disclosed (and logged)
 */
public record PersonalDataDisclosure(String caseId, String idNumber, String name, String phone, Instant disclosedAt) {

    @Override
    public String toString() {
        return "PersonalDataDisclosure[caseId=" + caseId + ", idNumber=" + Masking.idNumber(idNumber)
                + ", name=" + Masking.name(name) + ", phone=" + Masking.phone(phone) + ", disclosedAt=" + disclosedAt + "]";
    }
}
