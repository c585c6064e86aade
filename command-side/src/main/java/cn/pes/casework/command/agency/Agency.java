package cn.pes.casework.command.agency;

/**
 * A public employment service office (公共就业服务机构).
 *
 * @param id       administrative code, e.g. 990101 for a county, 990101001 for one of its streets
 * @param name     official name
 * @param level    COUNTY (县/市/区) or STREET (街道/乡镇)
 * @param countyId for a street agency, the county it belongs to; null for a county
 */
public record Agency(String id, String name, Level level, String countyId) {

    public enum Level { COUNTY, STREET }
}
