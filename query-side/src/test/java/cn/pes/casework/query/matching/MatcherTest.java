package cn.pes.casework.query.matching;

import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.events.matching.MatchLevel;
import cn.pes.casework.events.matching.MatchReason;
import cn.pes.casework.query.support.ProjectionHarness;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/** Each criterion of a match on its own, with the values a caseworker sees. */
class MatcherTest {

    private final Matcher matcher = new Matcher(MatchingWeights.DEFAULTS, ProjectionHarness.AGENCIES);

    @Test
    void occupationsEqualAfterWhiteSpaceAndCaseAreAFullFit() {
        MatchReason reason = matcher.occupation(List.of("CNC 操作员"), "cnc　 操作员");
        assertThat(reason.level()).isEqualTo(MatchLevel.FULL);
        assertThat(reason.points()).isEqualTo(40);
        assertThat(matcher.occupation(List.of("数控车工"), " 数控 车工 ").level()).isEqualTo(MatchLevel.FULL);
        assertThat(Matcher.normalise(" Java  Developer ")).isEqualTo("java developer");
    }

    @Test
    void oneOccupationInsideTheOtherOrASharedWordIsAPartialFit() {
        assertThat(matcher.occupation(List.of("焊工"), "电焊工")).satisfies(reason -> {
            assertThat(reason.level()).isEqualTo(MatchLevel.PARTIAL);
            assertThat(reason.points()).isEqualTo(20);
            assertThat(reason.detail()).isEqualTo("焊工 ≈ 电焊工（包含）");
        });
        assertThat(matcher.occupation(List.of("汽车维修工"), "汽车销售顾问")).satisfies(reason -> {
            assertThat(reason.level()).isEqualTo(MatchLevel.PARTIAL);
            assertThat(reason.detail()).isEqualTo("汽车维修工 ≈ 汽车销售顾问（共同：汽车）");
        });
        assertThat(matcher.occupation(List.of("Java developer"), "senior java engineer").level()).isEqualTo(MatchLevel.PARTIAL);
    }

    @Test
    void generalWordsAndSingleCharactersMakeNoFit() {
        assertThat(matcher.occupation(List.of("装卸工人"), "普通工人").level()).isEqualTo(MatchLevel.NONE);
        assertThat(matcher.occupation(List.of("电工"), "钳工").level()).isEqualTo(MatchLevel.NONE);
        assertThat(matcher.occupation(List.of(), "钳工").detail()).isEqualTo("未填意向职业 ≠ 钳工");
    }

    @Test
    void anEarlierWishWeighsMoreThanALaterOne() {
        assertThat(matcher.occupation(List.of("厨师", "面点师", "保洁员"), "保洁员").points()).isEqualTo(32);
        assertThat(matcher.occupation(List.of("保洁员", "厨师"), "保洁员").points()).isEqualTo(40);
    }

    @Test
    void areaIsFullInTheSameAgencyPartialInTheCountyOrUnderItNoneElsewhere() {
        assertThat(matcher.area(STREET_AGENCY, STREET_AGENCY).level()).isEqualTo(MatchLevel.FULL);
        assertThat(matcher.area(STREET_AGENCY, "990101002").level()).isEqualTo(MatchLevel.PARTIAL);
        assertThat(matcher.area("990101", STREET_AGENCY).level()).isEqualTo(MatchLevel.PARTIAL);
        assertThat(matcher.area("9901", OTHER_STREET_AGENCY)).satisfies(reason -> {
            assertThat(reason.level()).isEqualTo(MatchLevel.PARTIAL);
            assertThat(reason.detail()).isEqualTo("市就业局 / 南山街道（辖区相连）");
        });
        assertThat(matcher.area(STREET_AGENCY, OTHER_STREET_AGENCY).level()).isEqualTo(MatchLevel.NONE);
    }

    @Test
    void wageIsFullWhenTheWholeRangeReachesTheExpectationPartialWhenOnlyTheTop() {
        assertThat(matcher.wage(5000, new WageRange(5000, 7500)).level()).isEqualTo(MatchLevel.FULL);
        assertThat(matcher.wage(6000, new WageRange(5000, 7500))).satisfies(reason -> {
            assertThat(reason.level()).isEqualTo(MatchLevel.PARTIAL);
            assertThat(reason.points()).isEqualTo(12);
            assertThat(reason.detail()).isEqualTo("期望6000 / 5000–7500");
        });
        assertThat(matcher.wage(8000, new WageRange(5000, 7500)).level()).isEqualTo(MatchLevel.NONE);
        assertThat(matcher.wage(8000, null).detail()).isEqualTo("期望8000 / 未注明");
    }

    @Test
    void formIsAFullFitOnlyWhenWanted() {
        assertThat(matcher.form(EnumSet.allOf(EmploymentForm.class), EmploymentForm.PART_TIME)).satisfies(reason -> {
            assertThat(reason.level()).isEqualTo(MatchLevel.FULL);
            assertThat(reason.points()).isEqualTo(10);
            assertThat(reason.detail()).isEqualTo("非全日制 ∈ 全日制、非全日制");
        });
        assertThat(matcher.form(EnumSet.of(EmploymentForm.FULL_TIME), EmploymentForm.PART_TIME).points()).isZero();
    }

    @Test
    void weightsThatCannotAddUpAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MatchingWeights(10, 20, 10, 25, 12, 25, 12, 10, 20, 100))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
