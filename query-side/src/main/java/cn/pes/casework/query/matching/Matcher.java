package cn.pes.casework.query.matching;

import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.matching.MatchCriterion;
import cn.pes.casework.events.matching.MatchLevel;
import cn.pes.casework.events.matching.MatchReason;
import cn.pes.casework.query.common.Labels;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores one job seeker's intentions against one vacancy (人岗匹配): occupation, area, wage and
 * employment form, each with a {@link MatchReason} naming the values compared. Pure: no store, no clock.
 */
final class Matcher {

    /** Words too general to make two occupations alike. */
    private static final Set<String> GENERAL_WORDS = Set.of("人员", "工人", "员工", "工作", "岗位", "师傅");

    /** What a vacancy brings to a comparison. */
    record Offer(String occupation, WageRange wage, String areaAgencyId, EmploymentForm form) {
    }

    record Result(int score, List<MatchReason> reasons) {
    }

    private final MatchingWeights weights;
    private final AgencyDirectory agencies;

    Matcher(MatchingWeights weights, AgencyDirectory agencies) {
        this.weights = weights;
        this.agencies = agencies;
    }

    /** @param wantedArea the area the person wants to work in (their agency when the intentions name none) */
    Result match(JobIntentions intentions, String wantedArea, Offer offer) {
        List<MatchReason> reasons = List.of(
                occupation(intentions.occupations(), offer.occupation()),
                area(wantedArea, offer.areaAgencyId()),
                wage(intentions.expectedMonthlyWageYuan(), offer.wage()),
                form(intentions.forms(), offer.form()));
        return new Result(reasons.stream().mapToInt(MatchReason::points).sum(), reasons);
    }

    /** The best of the wanted occupations, an earlier one worth more than a later one with the same fit. */
    MatchReason occupation(List<String> wanted, String occupation) {
        List<String> occupations = wanted == null ? List.of() : wanted.stream().filter(w -> w != null && !w.isBlank()).toList();
        String offered = normalise(occupation);
        MatchReason best = null;
        for (int rank = 0; rank < occupations.size() && !offered.isEmpty(); rank++) {
            String want = occupations.get(rank);
            String normalised = normalise(want);
            int percent = Math.max(0, 100 - rank * weights.occupationRankStepPercent());
            String ranked = rank == 0 ? "" : "（第" + (rank + 1) + "意向）";
            MatchReason reason = null;
            if (normalised.equals(offered)) {
                reason = new MatchReason(MatchCriterion.OCCUPATION, MatchLevel.FULL,
                        weights.occupation() * percent / 100, weights.occupation(),
                        want.strip() + " = " + occupation.strip() + ranked);
            } else if (normalised.contains(offered) || offered.contains(normalised)) {
                reason = new MatchReason(MatchCriterion.OCCUPATION, MatchLevel.PARTIAL,
                        weights.occupationPartial() * percent / 100, weights.occupation(),
                        want.strip() + " ≈ " + occupation.strip() + "（包含）" + ranked);
            } else {
                String shared = sharedWord(normalised, offered);
                if (shared != null) {
                    reason = new MatchReason(MatchCriterion.OCCUPATION, MatchLevel.PARTIAL,
                            weights.occupationPartial() * percent / 100, weights.occupation(),
                            want.strip() + " ≈ " + occupation.strip() + "（共同：" + shared + "）" + ranked);
                }
            }
            if (reason != null && (best == null || reason.points() > best.points())) {
                best = reason;
            }
        }
        if (best != null) {
            return best;
        }
        return new MatchReason(MatchCriterion.OCCUPATION, MatchLevel.NONE, 0, weights.occupation(),
                (occupations.isEmpty() ? "未填意向职业" : String.join("、", occupations.stream().map(String::strip).toList()))
                        + " ≠ " + (occupation == null ? "未注明" : occupation.strip()));
    }

    MatchReason area(String wantedArea, String vacancyArea) {
        String wantedName = agencyName(wantedArea);
        String offeredName = agencyName(vacancyArea);
        if (wantedArea != null && wantedArea.equals(vacancyArea)) {
            return new MatchReason(MatchCriterion.AREA, MatchLevel.FULL, weights.area(), weights.area(),
                    wantedName + " = " + offeredName);
        }
        if (wantedArea != null && vacancyArea != null) {
            String wantedCounty = county(wantedArea);
            if (wantedCounty != null && wantedCounty.equals(county(vacancyArea))) {
                return new MatchReason(MatchCriterion.AREA, MatchLevel.PARTIAL, weights.areaPartial(), weights.area(),
                        wantedName + " / " + offeredName + "（同一区县）");
            }
            if (agencies.covers(wantedArea, vacancyArea) || agencies.covers(vacancyArea, wantedArea)) {
                return new MatchReason(MatchCriterion.AREA, MatchLevel.PARTIAL, weights.areaPartial(), weights.area(),
                        wantedName + " / " + offeredName + "（辖区相连）");
            }
        }
        return new MatchReason(MatchCriterion.AREA, MatchLevel.NONE, 0, weights.area(),
                wantedName + " / " + offeredName + "（市内其他区域）");
    }

    MatchReason wage(int expected, WageRange wage) {
        if (wage == null) {
            return new MatchReason(MatchCriterion.WAGE, MatchLevel.NONE, 0, weights.wage(), "期望" + expected + " / 未注明");
        }
        String detail = "期望" + expected + " / " + wage.minYuan() + "–" + wage.maxYuan();
        if (wage.minYuan() >= expected && wage.maxYuan() >= expected) {
            return new MatchReason(MatchCriterion.WAGE, MatchLevel.FULL, weights.wage(), weights.wage(), detail);
        }
        if (wage.maxYuan() >= expected) {
            return new MatchReason(MatchCriterion.WAGE, MatchLevel.PARTIAL, weights.wagePartial(), weights.wage(), detail);
        }
        return new MatchReason(MatchCriterion.WAGE, MatchLevel.NONE, 0, weights.wage(), detail);
    }

    MatchReason form(Set<EmploymentForm> wanted, EmploymentForm form) {
        String wantedNames = wanted == null || wanted.isEmpty() ? "未填" : Labels.join(wanted);
        String offered = form == null ? "未注明" : Labels.of(form);
        if (form != null && wanted != null && wanted.contains(form)) {
            return new MatchReason(MatchCriterion.FORM, MatchLevel.FULL, weights.form(), weights.form(),
                    offered + " ∈ " + wantedNames);
        }
        return new MatchReason(MatchCriterion.FORM, MatchLevel.NONE, 0, weights.form(), offered + " ∉ " + wantedNames);
    }

    /**
     * Trimmed, lower case, runs of (also full-width) white space as one space, and none next to a Chinese
     * character: "数控 车工" is written 数控车工, while "java developer" keeps its space.
     */
    static String normalise(String occupation) {
        if (occupation == null) {
            return "";
        }
        return occupation.replaceAll("[\\s\\u3000]+", " ").strip().toLowerCase(Locale.ROOT)
                         .replaceAll("(?<=\\p{IsHan}) | (?=\\p{IsHan})", "");
    }

    /** A word both share: a Latin or digit word of 2+ characters, or a pair of Chinese characters. */
    static String sharedWord(String a, String b) {
        Set<String> wordsOfB = words(b);
        for (String word : words(a)) {
            if (wordsOfB.contains(word)) {
                return word;
            }
        }
        return null;
    }

    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        StringBuilder latin = new StringBuilder();
        List<Integer> han = new ArrayList<>();
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i <= codePoints.length; i++) {
            int c = i < codePoints.length ? codePoints[i] : ' ';
            boolean isHan = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            boolean isLatin = !isHan && Character.isLetterOrDigit(c);
            if (isLatin) {
                latin.append(Character.toChars(c));
            } else if (latin.length() > 0) {
                if (latin.length() >= 2) {
                    words.add(latin.toString());
                }
                latin.setLength(0);
            }
            if (isHan) {
                han.add(c);
            } else if (!han.isEmpty()) {
                for (int j = 0; j + 1 < han.size(); j++) {
                    words.add(new String(new int[]{han.get(j), han.get(j + 1)}, 0, 2));
                }
                han.clear();
            }
        }
        words.removeAll(GENERAL_WORDS);
        return words;
    }

    private String county(String agencyId) {
        return agencies.find(agencyId).map(agency -> switch (agency.level()) {
            case COUNTY -> agency.id();
            case STREET -> agency.countyId();
            case CITY -> null;
        }).orElse(null);
    }

    private String agencyName(String agencyId) {
        if (agencyId == null) {
            return "未填地区";
        }
        return agencies.find(agencyId).map(Agency::name).orElse(agencyId);
    }
}
