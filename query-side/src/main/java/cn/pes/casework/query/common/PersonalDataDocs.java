package cn.pes.casework.query.common;

import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.security.protection.PersonalDataErasedException;
import cn.pes.casework.security.protection.PersonalDataProtector;
import cn.pes.casework.security.protection.SealedPersonalData;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
     * The stored form of a case's personal data: sealed with the case's key, or erased. Data that
     * reached the event store before it was bound to its case is bound here, so that no read model
     * keeps personal data in clear; once the key is destroyed (a replay after erasure) the erased
     * form is stored instead.
     */
    public Document write(String caseId, PersonalData person) {
        if (person == null) {
            return null;
        }
        PersonalData bound = person.dataSubject() == null ? person.withDataSubject(caseId) : person;
        if (bound.erased()) {
            return erased(bound.dataSubject());
        }
        try {
            SealedPersonalData sealed = protector.seal(bound);
            return new Document("sealed", new Document("subject", sealed.subject())
                    .append("alg", sealed.algorithm())
                    .append("data", sealed.data()));
        } catch (PersonalDataErasedException e) {
            return erased(bound.dataSubject());
        }
    }

    private static Document erased(String subject) {
        return new Document("erased", new Document("subject", subject));
    }

    /**
     * Readies the keys for opening the personal data under {@code key} of every given document, in a
     * few round trips: call it before {@link #read} on each row of a list.
     */
    public void prefetch(Collection<Document> docs, String key) {
        List<String> subjects = new ArrayList<>();
        for (Document doc : docs) {
            Document person = doc == null ? null : doc.get(key, Document.class);
            Document sealed = person == null ? null : person.get("sealed", Document.class);
            if (sealed != null) {
                subjects.add(sealed.getString("subject"));
            }
        }
        if (!subjects.isEmpty()) {
            protector.prefetchKeys(subjects);
        }
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
