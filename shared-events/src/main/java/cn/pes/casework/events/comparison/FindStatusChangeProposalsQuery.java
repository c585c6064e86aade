package cn.pes.casework.events.comparison;

/**
 * The queue of status-change proposals (待核实变更) of the cases an agency is responsible for: its own
 * and, for a county or the city, those of the agencies under it. Includes the proposals job seeking
 * raises. Answers {@link StatusChangeProposalsView}.
 *
 * @param state only proposals in this state; null means {@link ProposalState#OPEN}
 */
public record FindStatusChangeProposalsQuery(String agencyId, ProposalState state) {
}
