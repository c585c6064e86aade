package cn.pes.casework.security.agency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The city's agencies, from configuration ({@code pes.agencies}). Any of them may register anyone
 * (REG-4 全城通办); what an officer may list or change follows the hierarchy: the city covers every
 * agency, a county itself and its streets, a street only itself.
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

    public Optional<Agency> find(String agencyId) {
        return agencyId == null ? Optional.empty() : Optional.ofNullable(byId.get(agencyId));
    }

    /** Whether an officer of {@code officerAgencyId} may see and act for {@code agencyId}. */
    public boolean covers(String officerAgencyId, String agencyId) {
        Agency officerAgency = officerAgencyId == null ? null : byId.get(officerAgencyId);
        Agency target = agencyId == null ? null : byId.get(agencyId);
        if (officerAgency == null || target == null) {
            return false;
        }
        return switch (officerAgency.level()) {
            case CITY -> true;
            case COUNTY -> target.id().equals(officerAgency.id()) || officerAgency.id().equals(target.countyId());
            case STREET -> target.id().equals(officerAgency.id());
        };
    }

    /** The agencies {@code officerAgencyId} covers, itself first. */
    public List<Agency> coveredBy(String officerAgencyId) {
        return byId.values().stream()
                .filter(agency -> covers(officerAgencyId, agency.id()))
                .sorted((a, b) -> a.id().equals(officerAgencyId) ? -1 : b.id().equals(officerAgencyId) ? 1
                        : a.id().compareTo(b.id()))
                .toList();
    }

    public List<Agency> all() {
        return byId.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }
}
