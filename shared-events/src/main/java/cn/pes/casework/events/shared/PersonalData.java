package cn.pes.casework.events.shared;

/**
 * The personal data of a person, kept together in one value so that it can be encrypted with a
 * per-person key (erasure by deleting the key) without changing the shape of any event.
 * Never log it: {@link #toString()} masks every field.
 *
 * @param idNumber resident ID number (居民身份证号码), 18 characters, GB 11643
 * @param name     full name as on the ID card
 * @param phone    contact phone, may be null
 */
public record PersonalData(String idNumber, String name, String phone) {

    @Override
    public String toString() {
        return "PersonalData[idNumber=" + Masking.idNumber(idNumber) + ", name=" + Masking.name(name)
                + ", phone=" + Masking.phone(phone) + "]";
    }
}
