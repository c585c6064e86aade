package cn.pes.casework.command.entrepreneurship;

import cn.pes.casework.events.entrepreneurship.FindTrainingInstitutionsQuery;
import cn.pes.casework.events.entrepreneurship.TrainingInstitution;
import cn.pes.casework.events.entrepreneurship.TrainingInstitutionsView;
import cn.pes.casework.events.entrepreneurship.TrainingType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The designated institutions shipped in pes-entrepreneurship.yml and their designation dates (ENT-1). */
class TrainingInstitutionsTest {

    private static PropertySource<?> shipped() throws IOException {
        return new YamlPropertySourceLoader()
                .load("pes-entrepreneurship", new ClassPathResource("pes-entrepreneurship.yml")).get(0);
    }

    @Test
    void theShippedInstitutionsAreBoundAndAnswerTheQuery() throws IOException {
        PropertySource<?> yml = shipped();
        new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(yml))
                .withUserConfiguration(EntrepreneurshipConfiguration.class)
                .run(context -> {
                    TrainingInstitutionsView view = context.getBean(TrainingInstitutionQueryHandler.class)
                            .find(new FindTrainingInstitutionsQuery(LocalDate.of(2026, 9, 1)));
                    assertThat(view.institutions()).extracting(TrainingInstitution::id)
                            .containsExactly("9901-NET-01", "990101-SYB-01", "990102-SYB-01");
                    TrainingInstitution syb = view.institutions().get(1);
                    assertThat(syb.name()).isEqualTo("中心区创业培训指导中心");
                    assertThat(syb.agencyId()).isEqualTo("990101");
                    assertThat(syb.types()).containsExactly(TrainingType.START_YOUR_BUSINESS,
                            TrainingType.SPECIAL_PRACTICAL);
                    assertThat(syb.designatedFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
                    assertThat(syb.designatedUntil()).isNull();
                    assertThat(context.getBean(TrainingInstitutionQueryHandler.class)
                            .find(new FindTrainingInstitutionsQuery(LocalDate.of(2019, 12, 31))).institutions())
                            .isEmpty();
                });
    }

    @Test
    void onlyInstitutionsDesignatedOnTheDayAreListed() {
        TrainingInstitution ended = new TrainingInstitution("A", "甲", "9901", Set.of(TrainingType.ONLINE),
                LocalDate.of(2020, 1, 1), LocalDate.of(2025, 12, 31));
        TrainingInstitution lasting = new TrainingInstitution("B", "乙", "9901", Set.of(TrainingType.ONLINE),
                LocalDate.of(2020, 1, 1), null);
        TrainingInstitutions institutions = new TrainingInstitutions(List.of(lasting, ended));
        assertThat(institutions.designatedOn(LocalDate.of(2025, 12, 31))).extracting(TrainingInstitution::id)
                .containsExactly("A", "B");
        assertThat(institutions.designatedOn(LocalDate.of(2026, 1, 1))).extracting(TrainingInstitution::id)
                .containsExactly("B");
        assertThat(institutions.designatedOn(null)).hasSize(2);
    }

    @Test
    void aBrokenDesignationStopsTheStart() {
        TrainingInstitution broken = new TrainingInstitution("A", " ", null, Set.of(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2025, 1, 1));
        assertThatThrownBy(() -> new TrainingInstitutions(List.of(broken, broken)))
                .hasMessageContaining("institutions[0].name is missing")
                .hasMessageContaining("institutions[0].agency-id is missing")
                .hasMessageContaining("institutions[0].types must name at least one training type")
                .hasMessageContaining("institutions[0].designated-until is before designated-from")
                .hasMessageContaining("institutions[1].id 'A' is used twice");
    }
}
