package cn.pes.casework.command.web;

import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.Channel;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * Who sends a command and from which agency. Until sign-in exists (issue 3) it comes from the
 * {@code X-Officer-Id} and {@code X-Agency-Id} request headers, never from the request body; this
 * record is the one place that will then take it from the signed-in principal instead.
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
