package cn.pes.casework.query.common;

import cn.pes.casework.events.shared.CaseMetadata;
import org.axonframework.messaging.MetaData;

/** The fixed metadata keys of every event, read leniently: older or foreign events may lack some. */
public record EventMetadata(String officerId, String agencyId, String channel, String correlationId) {

    public static EventMetadata of(MetaData metaData) {
        if (metaData == null) {
            return new EventMetadata(null, null, null, null);
        }
        return new EventMetadata(text(metaData, CaseMetadata.OFFICER), text(metaData, CaseMetadata.AGENCY),
                                 text(metaData, CaseMetadata.CHANNEL), text(metaData, CaseMetadata.CORRELATION_ID));
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
