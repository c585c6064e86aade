package cn.pes.casework.security.protection;

/**
 * New personal data was to be sealed for a data subject whose key has been destroyed. An erased
 * subject never gets a key again: a person who comes back is a new case with a new subject.
 */
public class PersonalDataErasedException extends PersonalDataProtectionException {

    public PersonalDataErasedException(String subject) {
        super("the personal data of " + subject + " has been erased; it cannot take new personal data");
    }
}
