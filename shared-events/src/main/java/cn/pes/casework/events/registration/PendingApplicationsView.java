package cn.pes.casework.events.registration;

import java.time.LocalDate;
import java.util.List;

public record PendingApplicationsView(String agencyId, LocalDate asOf, List<PendingApplication> applications) {
}
