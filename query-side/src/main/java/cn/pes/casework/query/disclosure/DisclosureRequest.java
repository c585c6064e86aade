package cn.pes.casework.query.disclosure;

/** Why the officer needs the full values; kept in the access log beside their name. */
public record DisclosureRequest(String purpose) {
}
