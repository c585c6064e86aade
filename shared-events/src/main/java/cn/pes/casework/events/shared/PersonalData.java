package cn.pes.casework.events.shared;

import java.util.Objects;

/**
 * The personal data of a person, kept together in one value so that it can be encrypted with a
 * per-person key and erased by destroying that key (crypto-shredding, PIPL 个人信息删除) without
 * changing the shape of any event. Never log it: {@link #toString()} masks every field.
 *
 * <p>Where personal data is stored (events, snapshots, read models) it is bound to its
 * <em>data subject</em>: the identity of the key it is encrypted with, which is the case ID (one
 * case per person for life). Commands carry it without a subject: the case adds it. Once the key
 * is destroyed the value reads back as {@linkplain #erased(String) erased}: the subject only, every
 * field null.
 *
 * @param idNumber    resident ID number (居民身份证号码), 18 characters, GB 11643; null once erased
 * @param name        full name as on the ID card; null once erased
 * @param phone       contact phone, may be null
 * @param dataSubject whose key protects the stored form (the case ID); null in commands and in
 *                    values stored before personal data was encrypted
 */
public record PersonalData(String idNumber, String name, String phone, String dataSubject) {

    /** Personal data as it arrives in a command, not yet bound to a case's key. */
    public PersonalData(String idNumber, String name, String phone) {
        this(idNumber, name, phone, null);
    }

    /** What is left of a person's data once their key is destroyed: only whose it was. */
    public static PersonalData erased(String dataSubject) {
        return new PersonalData(null, null, null, Objects.requireNonNull(dataSubject, "dataSubject"));
    }

    /** The same data bound to the key of {@code dataSubject}. */
    public PersonalData withDataSubject(String dataSubject) {
        return new PersonalData(idNumber, name, phone, dataSubject);
    }

    /** Whether this is what remains after erasure: a subject without any data. */
    public boolean erased() {
        return dataSubject != null && idNumber == null && name == null && phone == null;
    }

    @Override
    public String toString() {
        if (erased()) {
            return "PersonalData[erased, dataSubject=" + dataSubject + "]";
        }
        return "PersonalData[idNumber=" + Masking.idNumber(idNumber) + ", name=" + Masking.name(name)
                + ", phone=" + Masking.phone(phone) + (dataSubject == null ? "" : ", dataSubject=" + dataSubject)
                + "]";
    }
}
