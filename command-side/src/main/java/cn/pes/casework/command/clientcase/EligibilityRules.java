package cn.pes.casework.command.clientcase;

import cn.pes.casework.command.identity.ResidentIdNumber;
import cn.pes.casework.command.policy.RegistrationPolicy;
import cn.pes.casework.events.registration.EligibilityDeclaration;
import cn.pes.casework.events.registration.RegisterUnemploymentCommand;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.RefusalReason;

import java.util.ArrayList;
import java.util.List;

/**
 * The eligibility conditions of unemployment registration, each a named rule: REG-1 (age, no
 * pension, not employed, able to work, wants work) and REG-2 (a document at the window). Every
 * failed condition is reported, not only the first.
 */
final class EligibilityRules {

    private EligibilityRules() {
    }

    static List<RefusalReason> failedConditions(RegisterUnemploymentCommand command, ResidentIdNumber idNumber,
                                                RegistrationPolicy policy) {
        List<RefusalReason> failed = new ArrayList<>();
        if (idNumber.ageOn(command.applicationDate()) < policy.minimumAge()) {
            failed.add(new RefusalReason("REG-1", "UNDER_MINIMUM_AGE", "person.idNumber"));
        }
        EligibilityDeclaration declared = command.declaration();
        if (declared.receivingPension()) {
            failed.add(new RefusalReason("REG-1", "RECEIVING_PENSION", "declaration.receivingPension"));
        }
        if (declared.employed()) {
            failed.add(new RefusalReason("REG-1", "EMPLOYED", "declaration.employed"));
        }
        if (!declared.ableToWork()) {
            failed.add(new RefusalReason("REG-1", "UNABLE_TO_WORK", "declaration.ableToWork"));
        }
        if (!declared.wantsWork()) {
            failed.add(new RefusalReason("REG-1", "NOT_WANTING_WORK", "declaration.wantsWork"));
        }
        if (command.channel() == Channel.WINDOW && command.presentedDocument() == null) {
            failed.add(new RefusalReason("REG-2", "DOCUMENT_NOT_PRESENTED", "presentedDocument"));
        }
        return List.copyOf(failed);
    }
}
