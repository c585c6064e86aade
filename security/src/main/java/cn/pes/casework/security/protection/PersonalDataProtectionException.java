package cn.pes.casework.security.protection;

/**
 * Personal data could not be sealed or opened: a ciphertext that fails its integrity check, a
 * missing key, a wrong master key. Never a destroyed key: that reads as erased data. The message
 * names the data subject (a case ID) at most, never personal data.
 */
public class PersonalDataProtectionException extends RuntimeException {

    public PersonalDataProtectionException(String message) {
        super(message);
    }

    public PersonalDataProtectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
