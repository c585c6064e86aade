package cn.pes.casework.events.subsidy;

import cn.pes.casework.events.shared.PersonCategory;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the caseworker checked for the one-off living allowance (生活费补贴, SUB-6): the person's
 * groups as documented at the application, and for a 两后生 student the graduation date and whether
 * the family is rural or low-income.
 *
 * @param groups                 documented groups (DOMAIN.md section 7)
 * @param graduatedOn            for {@link PersonCategory#TWO_AFTER_STUDENT}: graduation date, else null
 * @param ruralOrLowIncomeFamily for {@link PersonCategory#TWO_AFTER_STUDENT}: 农村或城乡低保家庭
 */
public record LivingAllowanceClaim(Set<PersonCategory> groups, LocalDate graduatedOn, boolean ruralOrLowIncomeFamily) {

    public LivingAllowanceClaim {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }
}
