package cn.pes.casework.command.web;

import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.Channel;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * Who sends a command and from which agency: always the signed-in principal, never the request
 * body. It travels as the command's metadata and from there onto every event the command causes.
 */
record ActingOfficer(String officerId, String agencyId) {

    MetaData metaData(Channel channel, String correlationId) {
        Map<String, Object> values = new HashMap<>();
        values.put(CaseMetadata.OFFICER, officerId);
        values.put(CaseMetadata.AGENCY, agencyId);
        values.put(CaseMetadata.CHANNEL, channel.name());
        if (correlationId != null) {
            values.put(CaseMetadata.CORRELATION_ID, correlationId);
        }
        return MetaData.from(values);
    }
}
