package cn.pes.casework.query.common;

import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.security.protection.PersonalDataProtector;
import cn.pes.casework.security.protection.SealedPersonalData;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Personal data in read-model documents: stored sealed with the data subject's key, the same key as
 * in the events ({@code {sealed: {subject, alg, data}}}), so that destroying the key makes every
 * read-model copy unreadable too; erased data is stored as {@code {erased: {subject}}}.
 */
@Component
public class PersonalDataDocs {

    private final PersonalDataProtector protector;

    public PersonalDataDocs(PersonalDataProtector protector) {
        this.protector = protector;
    }

    /**
     * The stored form of personal data: sealed when bound to a subject, erased when erased. Data
     * without a subject (from events stored before encryption) stays plain as it is in those events.
     */
    public Document write(PersonalData person) {
        if (person == null) {
            return null;
        }
        if (person.dataSubject() == null) {
            return new Document("idNumber", person.idNumber())
                    .append("name", person.name())
                    .append("phone", person.phone());
        }
        if (person.erased()) {
            return new Document("erased", new Document("subject", person.dataSubject()));
        }
        SealedPersonalData sealed = protector.seal(person);
        return new Document("sealed", new Document("subject", sealed.subject())
                .append("alg", sealed.algorithm())
                .append("data", sealed.data()));
    }

    /** Personal data read back from its stored form; erased once the subject's key is destroyed. */
    public PersonalData read(Document doc, String key) {
        Document person = doc == null ? null : doc.get(key, Document.class);
        if (person == null) {
            return null;
        }
        Document sealed = person.get("sealed", Document.class);
        if (sealed != null) {
            return protector.open(new SealedPersonalData(sealed.getString("subject"), sealed.getString("alg"),
                    sealed.getString("data")));
        }
        Document erased = person.get("erased", Document.class);
        if (erased != null) {
            return PersonalData.erased(erased.getString("subject"));
        }
        return new PersonalData(person.getString("idNumber"), person.getString("name"), person.getString("phone"));
    }
}
