package cn.pes.casework.events.entrepreneurship;

/**
 * The business a guarantee loan is for.
 *
 * @param registrationNumber the unified social credit code (统一社会信用代码), or null when not registered yet
 * @param registeredInCity   registered with the city's market regulator (ENT-3)
 */
public record Business(String name, LegalForm legalForm, String registrationNumber, boolean registeredInCity) {
}
