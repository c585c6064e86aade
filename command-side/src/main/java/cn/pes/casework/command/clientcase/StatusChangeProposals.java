package cn.pes.casework.command.clientcase;

import cn.pes.casework.command.policy.TrackingPolicyBook;
import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.comparison.ExternalRecord;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.MatchOutcome;
import cn.pes.casework.events.comparison.ProposalSource;
import cn.pes.casework.events.comparison.StatusChangeProposalConfirmed;
import cn.pes.casework.events.comparison.StatusChangeProposalDismissed;
import cn.pes.casework.events.comparison.StatusChangeProposed;
import cn.pes.casework.events.employment.EmploymentDetails;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The status-change proposals (待核实变更) that information comparison and lost contact raise in the
 * person's case (CAN-1..CAN-3), and what they rest on: the matches recorded and how each came out, and
 * the last day the person and the agency dealt with each other (最近联系日期). Job seeking's refusal
 * proposal stays in {@link JobSeeking}. State changes only in the {@code on} methods.
 * <p>
 * A proposal an officer decided, or that lapsed when the spell ended otherwise, is remembered for good:
 * its ID comes from the record, so the same record in a later batch is never proposed again.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class StatusChangeProposals {

    /** An open proposal: exactly one of {@code employment} and {@code ground} is set. */
    record Proposal(String proposalId, int spell, ProposalSource source, EmploymentDetails employment,
                    CancellationGround ground, Evidence evidence, LocalDate proposedOn) {
    }

    private Map<String, Proposal> open = new LinkedHashMap<>();
    private Set<String> settled = new HashSet<>();
    /**
     * The contact IDs of the matches that raised a proposal, so that a resent row is answered the same;
     * every other recorded match was contact only.
     */
    private Set<String> proposingMatches = new HashSet<>();
    /** The current spell's last day of contact (TIME-2 counts the months from it); null outside a spell. */
    private LocalDate lastContactOn;

    static String contactIdFor(ExternalRecord record) {
        return "match-" + record.batchId() + "-" + record.line();
    }

    /**
     * From the record, not the batch: the kind, the day of the fact and the organisation, which is
     * compared in a normalised form (width, case and spacing as spreadsheets vary them) and hashed to keep
     * the ID short.
     */
    static String proposalIdFor(ExternalRecord record) {
        return "match-" + record.kind() + "-" + record.recordDate() + "-" + sha256Prefix(normalised(record.organisation()));
    }

    static String lostContactProposalId(int spell, LocalDate lastContactOn) {
        return "lost-contact-" + spell + "-" + lastContactOn;
    }

    static String normalised(String organisation) {
        if (organisation == null) {
            return "";
        }
        return Normalizer.normalize(organisation, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** 证据说明: what an officer reads in the queue. */
    static String describe(ExternalRecord record) {
        String text = "信息比对：" + kindName(record.kind()) + "（" + record.source() + "），记录日期 "
                + record.recordDate();
        return record.organisation() == null || record.organisation().isBlank() ? text
                : text + "，单位 " + record.organisation().strip();
    }

    private static String kindName(ExternalRecordKind kind) {
        return switch (kind) {
            case SOCIAL_INSURANCE_ENROLMENT -> "社会保险参保登记";
            case BUSINESS_REGISTRATION -> "市场主体登记";
            case PENSION_START -> "按月领取基本养老金";
            case DEATH -> "死亡";
            case FULL_TIME_SCHOOL -> "全日制学历教育入学";
            case ENLISTMENT -> "应征入伍";
            case DEPARTURE_ABROAD -> "出国(境)定居";
            case IMPRISONMENT -> "被判刑收监执行";
        };
    }

    /** What a resent match answered the first time. */
    MatchOutcome recordedMatch(String contactId) {
        return proposingMatches.contains(contactId) ? MatchOutcome.PROPOSED : MatchOutcome.CONTACT_ONLY;
    }

    /** Whether the change the record implies is open already, or this very record was proposed before. */
    boolean alreadyProposed(ExternalRecord record, String proposalId) {
        if (open.containsKey(proposalId) || settled.contains(proposalId)) {
            return true;
        }
        ExternalRecordKind kind = record.kind();
        return open.values().stream().anyMatch(p -> kind.ground() == null
                ? p.employment() != null : kind.ground() == p.ground());
    }

    Proposal openProposal(String proposalId) {
        return proposalId == null ? null : open.get(proposalId);
    }

    boolean settled(String proposalId) {
        return proposalId != null && settled.contains(proposalId);
    }

    boolean lostContactOpen() {
        return open.values().stream().anyMatch(p -> p.source() == ProposalSource.LOST_CONTACT);
    }

    LocalDate lastContactOn() {
        return lastContactOn;
    }

    /**
     * The day a lost-contact proposal falls due: the day after the policy's months from the last contact
     * (TIME-2: the same-numbered day, or the month's last day), with the version in force on that contact.
     */
    LocalDate lostContactDueOn(TrackingPolicyBook policies) {
        return lastContactOn.plusMonths(policies.inForceOn(lastContactOn).noContactMonths()).plusDays(1);
    }

    // ------------------------------------------------------------ state from events

    void spellStarted(LocalDate registeredOn) {
        lastContactOn = registeredOn;
    }

    /** The person and the agency dealt with each other that day; a contact recorded late moves nothing back. */
    void contacted(LocalDate on) {
        if (lastContactOn != null && on != null && on.isAfter(lastContactOn)) {
            lastContactOn = on;
        }
    }

    void on(StatusChangeProposed event) {
        open.put(event.proposalId(), new Proposal(event.proposalId(), event.spell(), event.source(),
                event.employment(), event.ground(), event.evidence(), event.proposedOn()));
        if (event.record() != null) {
            proposingMatches.add(contactIdFor(event.record()));
        }
    }

    void on(StatusChangeProposalConfirmed event) {
        open.remove(event.proposalId());
        settled.add(event.proposalId());
    }

    void on(StatusChangeProposalDismissed event) {
        Proposal dismissed = open.remove(event.proposalId());
        settled.add(event.proposalId());
        // The officer found the person in touch after all: the months count afresh from the decision.
        if (dismissed != null && dismissed.source() == ProposalSource.LOST_CONTACT) {
            contacted(event.decidedOn());
        }
    }

    /** The spell ended otherwise: what is open has nothing left to change (lapsed, no event of its own). */
    void spellEnded() {
        settled.addAll(open.keySet());
        open.clear();
        lastContactOn = null;
    }
}
