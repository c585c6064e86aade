package cn.pes.casework.security.agency;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class AgencyDirectoryTest {

    public static final AgencyDirectory CITY = new AgencyDirectory(List.of(
            new Agency("9901", "市局", Agency.Level.CITY, null),
            new Agency("990101", "中心区", Agency.Level.COUNTY, null),
            new Agency("990101001", "解放街道", Agency.Level.STREET, "990101"),
            new Agency("990101002", "人民路街道", Agency.Level.STREET, "990101"),
            new Agency("990102", "东湖区", Agency.Level.COUNTY, null),
            new Agency("990102001", "东湖街道", Agency.Level.STREET, "990102")));

    @Test
    void theCityCoversEveryAgency() {
        assertThat(CITY.all()).allSatisfy(agency -> assertThat(CITY.covers("9901", agency.id())).isTrue());
    }

    @Test
    void aCountyCoversItselfAndItsStreetsOnly() {
        assertThat(CITY.covers("990101", "990101")).isTrue();
        assertThat(CITY.covers("990101", "990101001")).isTrue();
        assertThat(CITY.covers("990101", "990101002")).isTrue();
        assertThat(CITY.covers("990101", "990102")).isFalse();
        assertThat(CITY.covers("990101", "990102001")).isFalse();
        assertThat(CITY.covers("990101", "9901")).isFalse();
    }

    @Test
    void aStreetCoversOnlyItself() {
        assertThat(CITY.covers("990101001", "990101001")).isTrue();
        assertThat(CITY.covers("990101001", "990101002")).isFalse();
        assertThat(CITY.covers("990101001", "990101")).isFalse();
    }

    @Test
    void unknownAgenciesCoverAndAreCoveredByNothing() {
        assertThat(CITY.covers("000000", "990101")).isFalse();
        assertThat(CITY.covers("9901", "000000")).isFalse();
        assertThat(CITY.covers("9901", null)).isFalse();
        assertThat(CITY.covers(null, "990101")).isFalse();
    }

    @Test
    void coveredAgenciesListTheOfficersOwnFirst() {
        assertThat(CITY.coveredBy("990101")).extracting(Agency::id)
                .containsExactly("990101", "990101001", "990101002");
    }

    @Test
    void aStreetNamingAnUnknownCountyIsAConfigurationError() {
        assertThatThrownBy(() -> new AgencyDirectory(List.of(
                new Agency("990109001", "无主街道", Agency.Level.STREET, "990109"))))
                .isInstanceOf(IllegalStateException.class);
    }
}
