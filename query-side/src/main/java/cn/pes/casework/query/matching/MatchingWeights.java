package cn.pes.casework.query.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many points each criterion of a match (人岗匹配) is worth, from {@code pes.matching.*}; the
 * defaults add up to 100. A partial fit gets the {@code *-partial} points.
 *
 * @param occupation                 a wanted occupation equals the vacancy's (default 40)
 * @param occupationPartial          one contains the other or they share a meaningful word (default 20)
 * @param occupationRankStepPercent  each later wanted occupation is worth this many percent less than the
 *                                   one before it (default 10: the second wanted 90%, the third 80%)
 * @param area                       the vacancy is in the wanted agency's area (default 25)
 * @param areaPartial                same county, or one area covers the other (default 12)
 * @param wage                       the whole wage range reaches the expected wage (default 25)
 * @param wagePartial                only the top of the range reaches it (default 12)
 * @param form                       the vacancy's full-time/part-time form is a wanted one (default 10)
 * @param defaultLimit               lines answered when the request names no limit (default 20)
 * @param maxLimit                   the most lines a request may ask for (default 100)
 */
@ConfigurationProperties("pes.matching")
public record MatchingWeights(@DefaultValue("40") int occupation,
                              @DefaultValue("20") int occupationPartial,
                              @DefaultValue("10") int occupationRankStepPercent,
                              @DefaultValue("25") int area,
                              @DefaultValue("12") int areaPartial,
                              @DefaultValue("25") int wage,
                              @DefaultValue("12") int wagePartial,
                              @DefaultValue("10") int form,
                              @DefaultValue("20") int defaultLimit,
                              @DefaultValue("100") int maxLimit) {

    /** The documented defaults, as configuration without {@code pes.matching} gives them. */
    public static final MatchingWeights DEFAULTS = new MatchingWeights(40, 20, 10, 25, 12, 25, 12, 10, 20, 100);

    public MatchingWeights {
        if (occupationPartial > occupation || areaPartial > area || wagePartial > wage) {
            throw new IllegalArgumentException("pes.matching: partial points must not exceed the full points");
        }
        if (occupation < 0 || area < 0 || wage < 0 || form < 0 || occupationPartial < 0 || areaPartial < 0
                || wagePartial < 0 || occupationRankStepPercent < 0 || occupationRankStepPercent > 100) {
            throw new IllegalArgumentException("pes.matching: points and the rank step must not be negative");
        }
        if (defaultLimit < 1 || maxLimit < defaultLimit) {
            throw new IllegalArgumentException("pes.matching: need 1 <= default-limit <= max-limit");
        }
    }

    /** The most points a match can get. */
    public int total() {
        return occupation + area + wage + form;
    }

    /** A requested limit within bounds; zero or less means the default. */
    public int limit(int requested) {
        return requested <= 0 ? defaultLimit : Math.min(requested, maxLimit);
    }
}
