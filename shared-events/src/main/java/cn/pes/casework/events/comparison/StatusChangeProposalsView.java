package cn.pes.casework.events.comparison;

import java.util.List;

/** @param lines the oldest proposal first */
public record StatusChangeProposalsView(String agencyId, ProposalState state, List<StatusChangeProposalLine> lines) {

    public StatusChangeProposalsView {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
