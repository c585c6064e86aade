package cn.pes.casework.query.areastatistics;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.statistics.AreaStatistics;
import cn.pes.casework.events.statistics.FindAreaStatisticsQuery;
import cn.pes.casework.events.statistics.MonthlyFigures;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import cn.pes.casework.query.web.InvalidQueryInputException;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Monthly area statistics (统计月报) computed on demand from the facts of {@link AreaStatisticsProjection},
 * every month of the range in one pass over the agencies' documents. Definitions, for a month with
 * first day F and last day L, counting spells (a person registered twice counts twice in the flows):
 * <ul>
 * <li>A spell is in force on day d when it started on or before d and has not ended on or before d: it
 * ends the day work starts or the day its cancellation takes effect (that day it is no longer in
 * force).</li>
 * <li>registered at month end (月末登记失业人数): spells in force on L, i.e. start ≤ L and no end ≤ L.</li>
 * <li>long-term unemployed (长期失业): of those, registered more than six months on L, read as
 * {@code start.plusMonths(6)} before L: registered on 05-30, exactly six months on 11-30, is not;
 * registered on 05-29 is. The share is {@link MonthlyFigures#longTermPerMille()}.</li>
 * <li>new registrations: spells that started in [F, L].</li>
 * <li>re-employed (实现就业): spells ended by employment with the end in [F, L]; via referral (推荐就业):
 * of those, spells with a hire through a referral of the platform.</li>
 * <li>cancelled by ground: spells cancelled with the effective date in [F, L], by CAN-1 ground.</li>
 * <li>active in month: spells in force on at least one day of [F, L]; contacted: of those, spells with a
 * tracking contact (of that spell) dated in [F, L]; by method likewise, a spell contacted by two
 * methods counting under both.</li>
 * <li>subsidies / allowances paid: payments with {@code paidOn} in [F, L] and a subsidy (allowance)
 * amount above 0, counted at the paying department's agency, with their sums.</li>
 * <li>loans approved: guarantee loans with {@code approvedOn} in [F, L], counted at the loan's agency,
 * with the amounts approved.</li>
 * </ul>
 * {@code knownAt}: a fact counts only if recorded (event timestamp) at or before it. A spell whose start
 * was recorded later does not exist; an end recorded later leaves the spell open; a later referral hire
 * leaves the employment counted without the referral. Facts count at the agency they belong to, each
 * agency named once however often it is named.
 */
@Component
public class AreaStatisticsQueries {

    /** Ten years: enough for any report, small enough that a mistyped range cannot tie up the store. */
    public static final int MAX_MONTHS = 120;

    private static final int ID_SLICE = 2_000;

    private final ReadModelStore store;
    private final Clock clock;

    public AreaStatisticsQueries(ReadModelStore store) {
        this(store, Clock.systemUTC());
    }

    @Autowired
    public AreaStatisticsQueries(ReadModelStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A range of months the statistics answer: both given, in order, at most {@value #MAX_MONTHS} months. */
    public static void requireRange(YearMonth from, YearMonth to) {
        if (from == null) {
            throw new InvalidQueryInputException("from", "from must be a month as yyyy-MM, e.g. 2026-11");
        }
        if (to == null) {
            throw new InvalidQueryInputException("to", "to must be a month as yyyy-MM, e.g. 2026-11");
        }
        if (to.isBefore(from)) {
            throw new InvalidQueryInputException("to", "to must not be before from");
        }
        if (ChronoUnit.MONTHS.between(from, to) >= MAX_MONTHS) {
            throw new InvalidQueryInputException("to", "at most " + MAX_MONTHS + " months can be asked at once");
        }
    }

    /** Refuses a range that {@link #requireRange} refuses: the asker gets the {@link InvalidQueryInputException}. */
    @QueryHandler
    public AreaStatistics handle(FindAreaStatisticsQuery query) {
        requireRange(query.from(), query.to());
        Instant knownAt = query.knownAt();
        List<String> agencyIds = query.agencyIds().stream().filter(Objects::nonNull).distinct().toList();
        Months months = new Months(query.from(), query.to());
        List<String> spellIds = new ArrayList<>();
        List<String> monthIds = new ArrayList<>();
        for (String agencyId : agencyIds) {
            spellIds.addAll(AreaStatisticsProjection.factsIds(agencyId));
            for (YearMonth month = query.from(); !month.isAfter(query.to()); month = month.plusMonths(1)) {
                monthIds.addAll(AreaStatisticsProjection.monthIds(agencyId, month));
            }
        }
        // Spells first: a contact counts only for a spell in force in its month.
        Map<String, int[]> activeMonths = new HashMap<>();
        forEachPart(AreaStatisticsProjection.FACTS, spellIds, (doc, caseKey, part) -> {
            Document spells = Docs.subDocument(part, AreaStatisticsProjection.SPELLS);
            if (spells != null) {
                spells.forEach((spell, facts) -> {
                    int[] active = months.addSpell((Document) facts, knownAt);
                    if (active != null) {
                        activeMonths.put(caseKey + "#" + spell, active);
                    }
                });
            }
        });
        forEachPart(AreaStatisticsProjection.MONTHS, monthIds, (doc, caseKey, part) -> {
            int index = months.index(YearMonth.parse(doc.getString("month")));
            Document contacts = Docs.subDocument(part, AreaStatisticsProjection.CONTACTS);
            if (contacts != null) {
                contacts.forEach((spell, methods) -> {
                    int[] active = activeMonths.get(caseKey + "#" + spell);
                    if (active != null && index >= active[0] && index <= active[1]) {
                        months.addContacts(index, (Document) methods, knownAt);
                    }
                });
            }
            part.getList(AreaStatisticsProjection.PAYMENTS, Document.class, List.of())
                .forEach(payment -> months.addPayment(payment, knownAt));
            part.getList(AreaStatisticsProjection.LOANS, Document.class, List.of())
                .forEach(loan -> months.addLoan(loan, knownAt));
        });
        return new AreaStatistics(agencyIds, knownAt != null ? knownAt : clock.instant(), months.figures());
    }

    private interface PartVisitor {
        void visit(Document doc, String caseKey, Document part);
    }

    /** Reads the shared documents by their parts' {@code _id} ranges ({@link SharedDocuments}), in slices. */
    private void forEachPart(String collection, List<String> ids, PartVisitor visitor) {
        for (int from = 0; from < ids.size(); from += ID_SLICE) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + ID_SLICE));
            for (Document doc : SharedDocuments.find(store.collection(collection), slice)) {
                Document cases = Docs.subDocument(doc, GuardedUpsert.CASES);
                if (cases != null) {
                    cases.forEach((caseKey, part) -> visitor.visit(doc, caseKey, (Document) part));
                }
            }
        }
    }

    private static boolean known(Document doc, String key, Instant knownAt) {
        Instant recordedAt = Docs.instant(doc, key);
        return knownAt == null || (recordedAt != null && !recordedAt.isAfter(knownAt));
    }

    /** The running counts of every month of the range, index 0 = {@code from}. */
    private static final class Months {

        private final YearMonth from;
        private final int count;
        private final int[] registered;
        private final int[] started;
        private final int[] reEmployed;
        private final int[] viaReferral;
        private final List<Map<CancellationGround, Integer>> cancelled = new ArrayList<>();
        private final int[] longTerm;
        private final int[] active;
        private final int[] contacted;
        private final List<Map<ContactMethod, Integer>> byMethod = new ArrayList<>();
        private final int[] subsidies;
        private final BigDecimal[] subsidyAmounts;
        private final int[] allowances;
        private final BigDecimal[] allowanceAmounts;
        private final int[] loans;
        private final BigDecimal[] loanAmounts;

        Months(YearMonth from, YearMonth to) {
            this.from = from;
            this.count = (int) ChronoUnit.MONTHS.between(from, to) + 1;
            registered = new int[count];
            started = new int[count];
            reEmployed = new int[count];
            viaReferral = new int[count];
            longTerm = new int[count];
            active = new int[count];
            contacted = new int[count];
            subsidies = new int[count];
            allowances = new int[count];
            subsidyAmounts = new BigDecimal[count];
            allowanceAmounts = new BigDecimal[count];
            loans = new int[count];
            loanAmounts = new BigDecimal[count];
            for (int i = 0; i < count; i++) {
                cancelled.add(new EnumMap<>(CancellationGround.class));
                byMethod.add(new EnumMap<>(ContactMethod.class));
                subsidyAmounts[i] = BigDecimal.ZERO;
                allowanceAmounts[i] = BigDecimal.ZERO;
                loanAmounts[i] = BigDecimal.ZERO;
            }
        }

        /** The month's index in the range, possibly outside [0, count). */
        private int index(LocalDate date) {
            return index(YearMonth.from(date));
        }

        int index(YearMonth month) {
            return (int) ChronoUnit.MONTHS.between(from, month);
        }

        private boolean inRange(int index) {
            return index >= 0 && index < count;
        }

        /** Counts the spell; returns the first and last index of the range's months it is active in, or null. */
        int[] addSpell(Document spell, Instant knownAt) {
            LocalDate start = known(spell, AreaStatisticsProjection.START_AT, knownAt)
                    ? Docs.date(spell, AreaStatisticsProjection.START) : null;
            LocalDate end = known(spell, AreaStatisticsProjection.END_AT, knownAt)
                    ? Docs.date(spell, AreaStatisticsProjection.END) : null;
            if (end != null) {
                ended(spell, end, knownAt);
            }
            if (start == null) {
                return null;
            }
            int startIndex = index(start);
            if (inRange(startIndex)) {
                started[startIndex]++;
            }
            // Months in which the spell is in force on at least one day: from its start's to the one
            // before its end's if it ended on a 1st, else its end's; a spell ended the day it started never is.
            if (end != null && !end.isAfter(start)) {
                return null;
            }
            int first = Math.max(0, startIndex);
            int lastActive = end == null ? count - 1 : Math.min(count - 1, index(end.minusDays(1)));
            for (int i = first; i <= lastActive; i++) {
                active[i]++;
                LocalDate lastDay = from.plusMonths(i).atEndOfMonth();
                if (end == null || end.isAfter(lastDay)) {
                    registered[i]++;
                    if (start.plusMonths(6).isBefore(lastDay)) {
                        longTerm[i]++;
                    }
                }
            }
            return lastActive < first ? null : new int[] {first, lastActive};
        }

        private void ended(Document spell, LocalDate end, Instant knownAt) {
            int endIndex = index(end);
            if (!inRange(endIndex)) {
                return;
            }
            String ground = spell.getString(AreaStatisticsProjection.GROUND);
            if (ground == null) {
                reEmployed[endIndex]++;
                if (spell.get(AreaStatisticsProjection.REFERRAL_HIRE_AT) != null
                        && known(spell, AreaStatisticsProjection.REFERRAL_HIRE_AT, knownAt)) {
                    viaReferral[endIndex]++;
                }
            } else {
                cancelled.get(endIndex).merge(CancellationGround.valueOf(ground), 1, Integer::sum);
            }
        }

        /** A spell active in the month: contacted if any method's earliest contact is known, and under each such method. */
        void addContacts(int index, Document methods, Instant knownAt) {
            boolean contactedAtAll = false;
            for (String method : methods.keySet()) {
                if (!known(methods, method, knownAt)) {
                    continue;
                }
                contactedAtAll = true;
                if (!AreaStatisticsProjection.NO_METHOD.equals(method)) {
                    byMethod.get(index).merge(ContactMethod.valueOf(method), 1, Integer::sum);
                }
            }
            if (contactedAtAll) {
                contacted[index]++;
            }
        }

        void addPayment(Document payment, Instant knownAt) {
            LocalDate paidOn = Docs.date(payment, "paidOn");
            if (paidOn == null || !known(payment, "at", knownAt)) {
                return;
            }
            int i = index(paidOn);
            if (!inRange(i)) {
                return;
            }
            BigDecimal subsidy = Docs.amount(payment, "subsidy");
            if (subsidy != null && subsidy.signum() > 0) {
                subsidies[i]++;
                subsidyAmounts[i] = subsidyAmounts[i].add(subsidy);
            }
            BigDecimal allowance = Docs.amount(payment, "allowance");
            if (allowance != null && allowance.signum() > 0) {
                allowances[i]++;
                allowanceAmounts[i] = allowanceAmounts[i].add(allowance);
            }
        }

        void addLoan(Document loan, Instant knownAt) {
            LocalDate approvedOn = Docs.date(loan, "approvedOn");
            if (approvedOn == null || !known(loan, "at", knownAt)) {
                return;
            }
            int i = index(approvedOn);
            if (!inRange(i)) {
                return;
            }
            loans[i]++;
            BigDecimal amount = Docs.amount(loan, "amount");
            loanAmounts[i] = amount == null ? loanAmounts[i] : loanAmounts[i].add(amount);
        }

        List<MonthlyFigures> figures() {
            List<MonthlyFigures> figures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                figures.add(new MonthlyFigures(from.plusMonths(i), registered[i], started[i], reEmployed[i],
                                               viaReferral[i], cancelled.get(i), longTerm[i], active[i], contacted[i],
                                               byMethod.get(i), subsidies[i], subsidyAmounts[i], allowances[i],
                                               allowanceAmounts[i], loans[i], loanAmounts[i]));
            }
            return figures;
        }
    }
}
