package cn.pes.casework.command.clientcase;

import cn.pes.casework.events.subsidy.ApplicationPlace;
import cn.pes.casework.events.subsidy.Certificate;
import cn.pes.casework.events.subsidy.CertificateSubmitted;
import cn.pes.casework.events.subsidy.LivingAllowanceClaim;
import cn.pes.casework.events.subsidy.SubsidyApproved;
import cn.pes.casework.events.subsidy.SubsidyObjectionDismissed;
import cn.pes.casework.events.subsidy.SubsidyObjectionRaised;
import cn.pes.casework.events.subsidy.SubsidyObjectionUpheld;
import cn.pes.casework.events.subsidy.SubsidyPaid;
import cn.pes.casework.events.subsidy.SubsidyPaymentDeadlineMissed;
import cn.pes.casework.events.subsidy.SubsidyPublicityEnded;
import cn.pes.casework.events.subsidy.SubsidyRejected;
import cn.pes.casework.events.subsidy.SubsidyReviewDeadlineMissed;
import cn.pes.casework.events.subsidy.SubsidyReviewStarted;
import cn.pes.casework.events.subsidy.SubsidyStage;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One skills subsidy application (职业技能提升补贴) inside the person's case, from receipt to payment or
 * rejection. State only: the decisions are the case's ({@link ClientCase}), because the rules that
 * matter most (SUB-6 allowance once, SUB-7 once per occupation and level, 3 a year) are about the
 * person's applications together.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class SubsidyApplication {

    @EntityId
    private String applicationId;
    private Certificate certificate;
    private ApplicationPlace place;
    private String departmentId;
    private LivingAllowanceClaim allowanceClaim;
    private LocalDate receivedOn;
    private LocalDate reviewDueOn;
    private SubsidyStage stage;
    private LocalDate decidedOn;
    private BigDecimal subsidyAmount = BigDecimal.ZERO;
    private BigDecimal allowanceAmount = BigDecimal.ZERO;
    private LocalDate publicityEndsOn;
    private boolean publicityOver;
    private Set<String> openObjections = new HashSet<>();
    private Set<String> resolvedObjections = new HashSet<>();
    private LocalDate paymentDueOn;
    private boolean reviewDeadlineMissed;
    private boolean paymentDeadlineMissed;

    /** For snapshots. */
    SubsidyApplication() {
    }

    SubsidyApplication(CertificateSubmitted event) {
        applicationId = event.applicationId();
        certificate = event.certificate();
        place = event.place();
        departmentId = event.departmentId();
        allowanceClaim = event.allowanceClaim();
        receivedOn = event.receivedOn();
        reviewDueOn = event.reviewDueOn();
        stage = SubsidyStage.RECEIVED;
    }

    String applicationId() {
        return applicationId;
    }

    Certificate certificate() {
        return certificate;
    }

    String departmentId() {
        return departmentId;
    }

    LivingAllowanceClaim allowanceClaim() {
        return allowanceClaim;
    }

    LocalDate receivedOn() {
        return receivedOn;
    }

    LocalDate reviewDueOn() {
        return reviewDueOn;
    }

    SubsidyStage stage() {
        return stage;
    }

    LocalDate decidedOn() {
        return decidedOn;
    }

    BigDecimal subsidyAmount() {
        return subsidyAmount;
    }

    BigDecimal allowanceAmount() {
        return allowanceAmount;
    }

    LocalDate publicityEndsOn() {
        return publicityEndsOn;
    }

    boolean publicityOver() {
        return publicityOver;
    }

    boolean hasOpenObjection(String objectionId) {
        return openObjections.contains(objectionId);
    }

    boolean knowsObjection(String objectionId) {
        return openObjections.contains(objectionId) || resolvedObjections.contains(objectionId);
    }

    int openObjectionCount() {
        return openObjections.size();
    }

    LocalDate paymentDueOn() {
        return paymentDueOn;
    }

    boolean reviewDeadlineMissed() {
        return reviewDeadlineMissed;
    }

    boolean paymentDeadlineMissed() {
        return paymentDeadlineMissed;
    }

    /** Still under review: neither approved nor rejected. */
    boolean awaitingReview() {
        return stage == SubsidyStage.RECEIVED || stage == SubsidyStage.IN_REVIEW;
    }

    /** Neither paid nor rejected yet. */
    boolean open() {
        return stage != SubsidyStage.PAID && stage != SubsidyStage.REJECTED;
    }

    /** Counts towards SUB-7's limits: everything but a rejection. */
    boolean counts() {
        return stage != SubsidyStage.REJECTED;
    }

    @EventSourcingHandler
    void on(SubsidyReviewStarted event) {
        stage = SubsidyStage.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(SubsidyReviewDeadlineMissed event) {
        reviewDeadlineMissed = true;
    }

    @EventSourcingHandler
    void on(SubsidyApproved event) {
        stage = SubsidyStage.IN_PUBLICITY;
        decidedOn = event.decidedOn();
        subsidyAmount = event.subsidyAmount();
        allowanceAmount = event.allowanceAmount();
        publicityEndsOn = event.publicityEndsOn();
    }

    @EventSourcingHandler
    void on(SubsidyObjectionRaised event) {
        openObjections.add(event.objectionId());
        stage = SubsidyStage.OBJECTED;
    }

    @EventSourcingHandler
    void on(SubsidyObjectionUpheld event) {
        openObjections.remove(event.objectionId());
        resolvedObjections.add(event.objectionId());
    }

    @EventSourcingHandler
    void on(SubsidyObjectionDismissed event) {
        openObjections.remove(event.objectionId());
        resolvedObjections.add(event.objectionId());
        if (openObjections.isEmpty()) {
            stage = publicityOver ? SubsidyStage.AWAITING_PAYMENT : SubsidyStage.IN_PUBLICITY;
        }
        if (event.paymentDueOn() != null) {
            paymentDueOn = event.paymentDueOn();
        }
    }

    @EventSourcingHandler
    void on(SubsidyPublicityEnded event) {
        publicityOver = true;
        if (!event.heldByObjection()) {
            stage = SubsidyStage.AWAITING_PAYMENT;
            paymentDueOn = event.paymentDueOn();
        }
    }

    @EventSourcingHandler
    void on(SubsidyRejected event) {
        stage = SubsidyStage.REJECTED;
        decidedOn = decidedOn == null ? event.decidedOn() : decidedOn;
    }

    @EventSourcingHandler
    void on(SubsidyPaymentDeadlineMissed event) {
        paymentDeadlineMissed = true;
    }

    @EventSourcingHandler
    void on(SubsidyPaid event) {
        stage = SubsidyStage.PAID;
    }

    /** By value: the test fixture checks that sourcing the events gives the state the commands left. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SubsidyApplication that)) {
            return false;
        }
        return publicityOver == that.publicityOver && reviewDeadlineMissed == that.reviewDeadlineMissed
                && paymentDeadlineMissed == that.paymentDeadlineMissed
                && Objects.equals(applicationId, that.applicationId) && Objects.equals(certificate, that.certificate)
                && place == that.place && Objects.equals(departmentId, that.departmentId)
                && Objects.equals(allowanceClaim, that.allowanceClaim) && Objects.equals(receivedOn, that.receivedOn)
                && Objects.equals(reviewDueOn, that.reviewDueOn) && stage == that.stage
                && Objects.equals(decidedOn, that.decidedOn)
                && subsidyAmount.compareTo(that.subsidyAmount) == 0
                && allowanceAmount.compareTo(that.allowanceAmount) == 0
                && Objects.equals(publicityEndsOn, that.publicityEndsOn)
                && openObjections.equals(that.openObjections) && resolvedObjections.equals(that.resolvedObjections)
                && Objects.equals(paymentDueOn, that.paymentDueOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(applicationId, stage);
    }
}
