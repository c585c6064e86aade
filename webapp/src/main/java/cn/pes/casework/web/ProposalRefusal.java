package cn.pes.casework.web;

import org.springframework.util.MultiValueMap;

import java.util.Set;

/**
 * A proposal's form refused: the queue and the case page list many proposals, each with two forms, so
 * the decision comes back to the page with the refusal in its address and shows it at its proposal,
 * form and field.
 */
record ProposalRefusal(String proposalId, String action, String field, String text) {

    private static final Set<String> FIELDS = Set.of("effectiveDate", "notificationMethod", "notifiedOn", "reason");

    static ProposalRefusal from(MultiValueMap<String, String> params) {
        String proposalId = params.getFirst("proposal");
        return proposalId == null ? null : new ProposalRefusal(proposalId, params.getFirst("proposalAction"),
                params.getFirst("proposalField"), params.getFirst("proposalError"));
    }

    /** The text when it belongs to this proposal's form and field ({@code form}: above the form), else null. */
    public String error(String proposalId, String action, String field) {
        boolean here = this.proposalId.equals(proposalId) && action.equals(this.action);
        boolean atField = field.equals(this.field) || "form".equals(field) && !FIELDS.contains(this.field);
        return here && atField ? text : null;
    }
}
