package cn.pes.casework.command.agency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The city's agencies, from configuration ({@code pes.agencies}). Any of them may register anyone
 * (REG-4 全城通办); the directory only says which exist.
 */
@ConfigurationProperties("pes")
public class AgencyDirectory {

    private final Map<String, Agency> byId;

    public AgencyDirectory(List<Agency> agencies) {
        List<Agency> all = agencies == null ? List.of() : agencies;
        this.byId = all.stream().collect(Collectors.toUnmodifiableMap(Agency::id, Function.identity()));
        for (Agency agency : all) {
            if (agency.level() == Agency.Level.STREET && !byId.containsKey(agency.countyId())) {
                throw new IllegalStateException("street agency " + agency.id() + " names unknown county "
                        + agency.countyId());
            }
        }
    }

    public boolean exists(String agencyId) {
        return agencyId != null && byId.containsKey(agencyId);
    }
}
