package cn.pes.casework.events.employer;

import java.util.List;

/** An employer's guidance sessions, the latest held first. */
public record EmployerGuidanceView(String employerId, List<EmployerGuidanceSession> sessions) {

    public EmployerGuidanceView {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }
}
