package cn.pes.casework.query.comparison;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.CancellationProposalConfirmed;
import cn.pes.casework.events.cancellation.CancellationProposalDismissed;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.FindCaseStatusChangeProposalsQuery;
import cn.pes.casework.events.comparison.FindStatusChangeProposalsQuery;
import cn.pes.casework.events.comparison.ProposalSource;
import cn.pes.casework.events.comparison.ProposalState;
import cn.pes.casework.events.comparison.StatusChangeProposalConfirmed;
import cn.pes.casework.events.comparison.StatusChangeProposalDismissed;
import cn.pes.casework.events.comparison.StatusChangeProposalLine;
import cn.pes.casework.events.comparison.StatusChangeProposalsView;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.query.comparison.ProposalStory.P_RECORD;
import static cn.pes.casework.query.comparison.ProposalStory.Q_EVIDENCE;
import static cn.pes.casework.query.comparison.ProposalStory.SECOND_STREET;
import static cn.pes.casework.query.comparison.ProposalStory.date;
import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

class StatusChangeProposalsProjectionTest extends ProjectionTestBase {

    private static final String CITY = "9901";
    private static final String COUNTY = "990101";
    private static final String OTHER_COUNTY = "990102";

    private ComparisonProjections models;
    private ProposalStory story;
    private List<DomainEventMessage<?>> events;

    @BeforeEach
    void feed() {
        models = new ComparisonProjections(fixture.store(serverSideGuards()), new PersonalDataDocs(new PersonalDataProtector(keys)));
        story = new ProposalStory();
        events = new ArrayList<>(story.events);
    }

    private StatusChangeProposalsView queue(String agencyId, ProposalState state) {
        return models.proposals.handle(new FindStatusChangeProposalsQuery(agencyId, state));
    }

    private List<String> ids(String agencyId, ProposalState state) {
        return queue(agencyId, state).lines().stream().map(StatusChangeProposalLine::proposalId).toList();
    }

    private StatusChangeProposalsView ofCase(CaseEvents c) {
        return models.proposals.handle(new FindCaseStatusChangeProposalsQuery(c.caseId()));
    }

    @Test
    void eachSourcesProposalsAreQueuedAtTheirAgencyAndTheAgenciesAboveItOldestFirst() {
        models.deliver(events);

        assertThat(ids(STREET_AGENCY, null)).containsExactly("p-1", "p-2");
        assertThat(ids(COUNTY, null)).containsExactly("p-1", "r-1", "p-2");
        assertThat(ids(SECOND_STREET, ProposalState.OPEN)).containsExactly("r-1");
        assertThat(ids(OTHER_COUNTY, null)).containsExactly("q-1");
        assertThat(ids(OTHER_STREET_AGENCY, null)).containsExactly("q-1");
        assertThat(ids(CITY, null)).containsExactly("q-1", "p-1", "r-1", "p-2");
        assertThat(queue(COUNTY, null).state()).as("null means the open ones").isEqualTo(ProposalState.OPEN);
        assertThat(ids(COUNTY, ProposalState.CONFIRMED)).isEmpty();

        StatusChangeProposalLine dataMatch = queue(STREET_AGENCY, null).lines().get(0);
        assertThat(dataMatch.caseId()).isEqualTo(story.p.caseId());
        assertThat(dataMatch.person().name()).isEqualTo("张三");
        assertThat(dataMatch.person().idNumber()).isEqualTo(ProposalStory.P_ID_NUMBER);
        assertThat(dataMatch.source()).isEqualTo(ProposalSource.DATA_MATCH);
        assertThat(dataMatch.employment().type()).isEqualTo(EmploymentType.EMPLOYED_BY_UNIT);
        assertThat(dataMatch.employment().employer()).isEqualTo("某某机械有限公司");
        assertThat(dataMatch.employment().startDate()).isEqualTo(date("2026-11-01"));
        assertThat(dataMatch.ground()).isNull();
        assertThat(dataMatch.record()).isEqualTo(P_RECORD);
        assertThat(dataMatch.evidence().source()).isEqualTo(Evidence.EvidenceSource.DATA_MATCH);
        assertThat(dataMatch.proposedOn()).isEqualTo(date("2026-11-10"));
        assertThat(dataMatch.agencyId()).isEqualTo(STREET_AGENCY);
        assertThat(dataMatch.state()).isEqualTo(ProposalState.OPEN);
        assertThat(dataMatch.decidedOn()).isNull();

        StatusChangeProposalLine lostContact = queue(STREET_AGENCY, null).lines().get(1);
        assertThat(lostContact.source()).isEqualTo(ProposalSource.LOST_CONTACT);
        assertThat(lostContact.ground()).isEqualTo(CancellationGround.NO_CONTACT_SIX_MONTHS);
        assertThat(lostContact.lastContactOn()).isEqualTo(date("2026-05-06"));
        assertThat(lostContact.evidence().source()).isEqualTo(Evidence.EvidenceSource.CONTACT_RECORD);
        assertThat(lostContact.record()).isNull();

        StatusChangeProposalLine refusals = queue(OTHER_COUNTY, null).lines().get(0);
        assertThat(refusals.source()).isEqualTo(ProposalSource.REFERRAL_REFUSALS);
        assertThat(refusals.ground()).isEqualTo(CancellationGround.REFUSED_OFFERS_THREE_TIMES);
        assertThat(refusals.evidence()).isEqualTo(Q_EVIDENCE);
        assertThat(refusals.record()).isNull();
        assertThat(refusals.employment()).isNull();
        assertThat(refusals.person().name()).isEqualTo("李四");

        StatusChangeProposalLine death = queue(SECOND_STREET, null).lines().get(0);
        assertThat(death.ground()).isEqualTo(CancellationGround.DIED);
        assertThat(death.record().kind()).isEqualTo(ExternalRecordKind.DEATH);
        assertThat(death.record().organisation()).isNull();
    }

    @Test
    void aConfirmedProposalStaysConfirmedWhenTheSpellEndsAndTheOtherOpenOnesLapseWithTheEndsDate() {
        events.add(story.p.next(new StatusChangeProposalConfirmed(story.p.caseId(), "p-1", date("2026-11-15"))));
        events.add(story.p.next(story.p.employed(1, date("2026-11-01"), null, STREET_AGENCY)));
        models.deliver(events);

        assertThat(ids(STREET_AGENCY, ProposalState.OPEN)).isEmpty();
        assertThat(ids(COUNTY, ProposalState.OPEN)).containsExactly("r-1");
        assertThat(ids(STREET_AGENCY, ProposalState.CONFIRMED)).containsExactly("p-1");
        assertThat(ids(COUNTY, ProposalState.LAPSED)).containsExactly("p-2");

        List<StatusChangeProposalLine> lines = ofCase(story.p).lines();
        assertThat(lines).extracting(StatusChangeProposalLine::proposalId).containsExactly("p-1", "p-2");
        assertThat(lines.get(0).state()).isEqualTo(ProposalState.CONFIRMED);
        assertThat(lines.get(0).decidedOn()).isEqualTo(date("2026-11-15"));
        assertThat(lines.get(1).state()).isEqualTo(ProposalState.LAPSED);
        assertThat(lines.get(1).decidedOn()).as("the employment's start").isEqualTo(date("2026-11-01"));
        assertThat(ofCase(story.p).agencyId()).isEqualTo(STREET_AGENCY);
        assertThat(ofCase(story.p).state()).isNull();
    }

    @Test
    void aDismissedProposalKeepsItsReasonAndACancellationLapsesWhatIsStillOpen() {
        events.add(story.r.next(new StatusChangeProposalDismissed(story.r.caseId(), "r-1", "同名同姓，非本人", date("2026-11-13"))));
        events.add(story.q.next(ProposalStory.lostContact(story.q, "q-2", date("2026-11-14"), OTHER_STREET_AGENCY)));
        events.add(story.q.next(new CancellationProposalConfirmed(story.q.caseId(), "q-1", date("2026-11-16"))));
        events.add(story.q.next(story.q.cancelled(1, CancellationGround.REFUSED_OFFERS_THREE_TIMES, date("2026-11-17"),
                                                  OTHER_STREET_AGENCY)));
        models.deliver(events);

        StatusChangeProposalLine dismissed = queue(COUNTY, ProposalState.DISMISSED).lines().get(0);
        assertThat(dismissed.proposalId()).isEqualTo("r-1");
        assertThat(dismissed.reason()).isEqualTo("同名同姓，非本人");
        assertThat(dismissed.decidedOn()).isEqualTo(date("2026-11-13"));
        assertThat(ids(COUNTY, ProposalState.OPEN)).containsExactly("p-1", "p-2");

        assertThat(ids(OTHER_COUNTY, ProposalState.OPEN)).isEmpty();
        assertThat(ids(OTHER_COUNTY, ProposalState.CONFIRMED)).containsExactly("q-1");
        StatusChangeProposalLine lapsed = queue(OTHER_COUNTY, ProposalState.LAPSED).lines().get(0);
        assertThat(lapsed.proposalId()).isEqualTo("q-2");
        assertThat(lapsed.decidedOn()).as("the cancellation's effective date").isEqualTo(date("2026-11-17"));
    }

    @Test
    void jobSeekingsOldDismissalDecidesItsProposal() {
        events.add(story.q.next(new CancellationProposalDismissed(story.q.caseId(), "q-1", "有正当理由", date("2026-11-06"))));
        models.deliver(events);
        assertThat(ids(OTHER_COUNTY, ProposalState.OPEN)).isEmpty();
        assertThat(queue(OTHER_COUNTY, ProposalState.DISMISSED).lines().get(0).reason()).isEqualTo("有正当理由");
    }

    @Test
    void aPersonsNewDetailsAndErasureReachTheQueueWhereTheProposalsKeepTheirPlace() {
        events.add(story.p.next(story.p.detailsUpdated(CaseEvents.person(ProposalStory.P_ID_NUMBER, "张叁"))));
        models.deliver(events);
        assertThat(queue(STREET_AGENCY, null).lines()).allSatisfy(line -> assertThat(line.person().name()).isEqualTo("张叁"));

        models.deliver(story.p.next(story.p.erased(date("2026-11-20"))));
        assertThat(ids(STREET_AGENCY, null)).containsExactly("p-1", "p-2");
        assertThat(queue(STREET_AGENCY, null).lines()).allSatisfy(line -> {
            assertThat(line.person().erased()).isTrue();
            assertThat(line.person().name()).isNull();
        });
        assertThat(ofCase(story.p).lines()).allSatisfy(line -> assertThat(line.person().erased()).isTrue());
        assertThat(fixture.dump().toString()).doesNotContain("张叁", "张三", ProposalStory.P_ID_NUMBER);
    }

    @Test
    void redeliveryChangesNothingAndABatchGivesWhatOneByOneGives() {
        events.add(story.p.next(new StatusChangeProposalConfirmed(story.p.caseId(), "p-1", date("2026-11-15"))));
        events.add(story.p.next(story.p.employed(1, date("2026-11-01"), null, STREET_AGENCY)));
        models.deliverBatch(events);
        Map<String, List<Document>> batched = fixture.dump();
        models.deliver(events);
        assertThat(fixture.dump()).isEqualTo(batched);

        // Sealing draws a fresh nonce each time: compare what the queries answer, not the stored bytes.
        StatusChangeProposalsView city = queue(CITY, ProposalState.OPEN);
        StatusChangeProposalsView caseP = ofCase(story.p);
        fixture.reset();
        models.deliver(events);
        assertThat(queue(CITY, ProposalState.OPEN)).isEqualTo(city);
        assertThat(ofCase(story.p)).isEqualTo(caseP);
        assertThat(caseP.lines()).hasSize(2);
    }

    @Test
    void aCaseWithoutProposalsHasAnEmptyListWithoutAnAgency() {
        models.deliver(events);
        StatusChangeProposalsView none = models.proposals.handle(new FindCaseStatusChangeProposalsQuery("no-such-case"));
        assertThat(none.lines()).isEmpty();
        assertThat(none.agencyId()).isNull();
        assertThat(queue("no-such-agency", null).lines()).isEmpty();
    }
}
