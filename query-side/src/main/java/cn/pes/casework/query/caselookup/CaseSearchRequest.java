package cn.pes.casework.query.caselookup;

/** Exactly one of the two. Sent in a body so that ID numbers and names stay out of URLs and access logs. */
public record CaseSearchRequest(String idNumber, String name) {
}
