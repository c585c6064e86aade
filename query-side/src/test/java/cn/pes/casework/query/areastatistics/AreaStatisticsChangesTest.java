package cn.pes.casework.query.areastatistics;

import cn.pes.casework.events.statistics.AreaStatistics;
import cn.pes.casework.events.statistics.FindAreaStatisticsQuery;
import cn.pes.casework.events.statistics.StatisticsChanged;
import cn.pes.casework.query.support.ProjectionGroups;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/** What subscribers of {@link FindAreaStatisticsQuery} hear, on the dataset of {@link AreaStatisticsProjectionTest}. */
class AreaStatisticsChangesTest extends AreaStatisticsProjectionTest {

    private SimpleQueryUpdateEmitter emitter;
    private final List<StatisticsChanged> street = new ArrayList<>();
    private final List<StatisticsChanged> otherStreetAndCounty = new ArrayList<>();
    /** Facts documents in the store when each change of the street was heard. */
    private final List<Long> storedWhenHeard = new ArrayList<>();

    @BeforeEach
    void subscribe() {
        emitter = SimpleQueryUpdateEmitter.builder().build();
        groups = new ProjectionGroups(projections.writer(), List.of(new AnnotationEventHandlerAdapter(
                new AreaStatisticsProjection(projections.writer(), emitter))));
        subscribe(List.of(STREET_AGENCY), update -> {
            street.add(update);
            storedWhenHeard.add(fixture.database().getCollection(AreaStatisticsProjection.FACTS).countDocuments());
        });
        subscribe(List.of(OTHER_STREET_AGENCY, COUNTY), otherStreetAndCounty::add);
    }

    private void subscribe(List<String> agencyIds, java.util.function.Consumer<StatisticsChanged> listener) {
        FindAreaStatisticsQuery query = new FindAreaStatisticsQuery(agencyIds, YearMonth.of(2026, 1), YearMonth.of(2026, 12), null);
        emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(query, ResponseTypes.instanceOf(AreaStatistics.class),
                                                                            ResponseTypes.instanceOf(StatisticsChanged.class)), 1024)
               .getUpdates().map(SubscriptionQueryUpdateMessage::getPayload)
               .subscribe(update -> listener.accept((StatisticsChanged) update));
    }

    @Test
    void aBatchAnnouncesEachAgencyAndMonthOnceAfterItsFactsAreStored() {
        groups.deliverBatch(dataset());

        assertThat(street).containsExactly(new StatisticsChanged(STREET_AGENCY, MAY),
                                           new StatisticsChanged(STREET_AGENCY, OCTOBER),
                                           new StatisticsChanged(STREET_AGENCY, NOVEMBER),
                                           new StatisticsChanged(STREET_AGENCY, YearMonth.of(2026, 9)),
                                           new StatisticsChanged(STREET_AGENCY, YearMonth.of(2026, 8)));
        assertThat(storedWhenHeard).allSatisfy(count -> assertThat(count).isPositive());
        assertThat(otherStreetAndCounty).containsExactly(new StatisticsChanged(OTHER_STREET_AGENCY, OCTOBER),
                                                         new StatisticsChanged(COUNTY, NOVEMBER),
                                                         new StatisticsChanged(COUNTY, DECEMBER));
    }

    @Test
    void withoutABatchEachFactIsAnnouncedAtOnce() {
        groups.deliver(List.of(dataset().get(0), dataset().get(1)));

        assertThat(street).containsExactly(new StatisticsChanged(STREET_AGENCY, MAY),
                                           new StatisticsChanged(STREET_AGENCY, OCTOBER));
        assertThat(otherStreetAndCounty).isEmpty();
    }
}
