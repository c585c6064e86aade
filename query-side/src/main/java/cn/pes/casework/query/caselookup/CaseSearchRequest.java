package cn.pes.casework.query.caselookup;

import cn.pes.casework.events.shared.Masking;

/** Exactly one of the two. Sent in a body so that ID numbers and names stay out of URLs and access logs. */
public record CaseSearchRequest(String idNumber, String name) {

    @Override
    public String toString() {
        return "CaseSearchRequest[idNumber=" + Masking.idNumber(idNumber) + ", name=" + Masking.name(name) + "]";
    }
}
