package cn.pes.casework.security.agency;

/**
 * A public employment service office (公共就业服务机构) or the city's own bureau.
 *
 * @param id       administrative code, e.g. 9901 for the city, 990101 for a county, 990101001 for one of its streets
 * @param name     official name
 * @param level    CITY (市局, sees the whole city), COUNTY (县/市/区) or STREET (街道/乡镇)
 * @param countyId for a street agency, the county it belongs to; null otherwise
 */
public record Agency(String id, String name, Level level, String countyId) {

    public enum Level { CITY, COUNTY, STREET }
}
