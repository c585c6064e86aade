package cn.pes.casework.events.registration;

import cn.pes.casework.events.shared.Masking;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Correct a person's name or phone (the ID number identifies the person and never changes).
 *
 * @param phone the new phone, or null to remove it
 */
public record UpdatePersonalDetailsCommand(@TargetAggregateIdentifier String caseId, String name, String phone) {

    @Override
    public String toString() {
        return "UpdatePersonalDetailsCommand[caseId=" + caseId + ", name=" + Masking.name(name)
                + ", phone=" + Masking.phone(phone) + "]";
    }
}
