package cn.pes.casework.command.clientcase;

import cn.pes.casework.security.audit.AccessAction;
import cn.pes.casework.security.audit.AccessLog;
import cn.pes.casework.security.protection.PersonalDataKeyStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an erasure does besides its event, called by the case while it handles
 * {@code ErasePersonalDataCommand}, so that all of it runs in the database transaction that appends
 * the {@code PersonalDataErased} event: either everything happens or nothing does.
 * <ol>
 *   <li>the person's key is destroyed: their personal data in every event, snapshot and read model
 *       becomes unreadable (crypto-shredding);</li>
 *   <li>the person index forgets the case, so the ID number no longer leads to it;</li>
 *   <li>the case's snapshots are deleted: the next one is taken from the erased state;</li>
 *   <li>the access log records who erased whose data and why.</li>
 * </ol>
 */
@Component
public class PersonalDataShredder {

    private final PersonalDataKeyStore keys;
    private final PersonCaseIndex personCases;
    private final AccessLog accessLog;
    private final JdbcTemplate jdbc;
    private final String deleteSnapshots;

    @Autowired
    PersonalDataShredder(PersonalDataKeyStore keys, PersonCaseIndex personCases, AccessLog accessLog, JdbcTemplate jdbc,
                         ObjectProvider<EventSchema> eventSchema) {
        this(keys, personCases, accessLog, jdbc, eventSchema.getIfAvailable(EventSchema::new));
    }

    PersonalDataShredder(PersonalDataKeyStore keys, PersonCaseIndex personCases, AccessLog accessLog, JdbcTemplate jdbc,
                         EventSchema eventSchema) {
        this.keys = keys;
        this.personCases = personCases;
        this.accessLog = accessLog;
        this.jdbc = jdbc;
        this.deleteSnapshots = "DELETE FROM " + eventSchema.snapshotTable() + " WHERE "
                + eventSchema.aggregateIdentifierColumn() + " = ?";
    }

    /**
     * @param officerId     the administrator who decided it
     * @param reason        their stated reason, for the access log
     * @param policyVersion the retention policy that allowed it
     */
    void shred(String caseId, String officerId, String agencyId, String correlationId, String reason,
               String policyVersion) {
        keys.destroy(caseId, officerId);
        personCases.forget(caseId);
        jdbc.update(deleteSnapshots, caseId);
        accessLog.record(officerId, agencyId, AccessAction.PERSONAL_DATA_ERASED, caseId,
                "retention policy " + policyVersion + "; reason: " + reason, correlationId);
    }
}
