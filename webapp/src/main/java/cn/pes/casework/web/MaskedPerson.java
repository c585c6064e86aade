package cn.pes.casework.web;

import cn.pes.casework.events.shared.Masking;
import cn.pes.casework.events.shared.PersonalData;

/**
 * Personal data as a page shows it: masked. Pages are rendered from Java objects, not through the
 * API's JSON mapper that masks, so every page takes a person through here and never the raw value.
 */
record MaskedPerson(String idNumber, String name, String phone, boolean erased) {

    static MaskedPerson of(PersonalData person) {
        if (person == null) {
            return new MaskedPerson(null, null, null, false);
        }
        if (person.erased()) {
            return new MaskedPerson(null, null, null, true);
        }
        return new MaskedPerson(Masking.idNumber(person.idNumber()), Masking.name(person.name()),
                Masking.phone(person.phone()), false);
    }
}
