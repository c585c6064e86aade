package cn.pes.casework.platform.demo;

import cn.pes.casework.events.shared.PersonCategory;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What the planners of one synthetic city share: the seed's random numbers, the last day, and the plan
 * they append to. Every ID and correlation ID is derived from the seed and the command's place in the
 * plan, so the same seed plans the same IDs.
 */
final class PlanContext {

    final long seed;
    final SplittableRandom random;
    final LocalDate today;
    final List<PlannedCommand> planned;

    PlanContext(long seed, SplittableRandom random, LocalDate today, List<PlannedCommand> planned) {
        this.seed = seed;
        this.random = random;
        this.today = today;
        this.planned = planned;
    }

    void add(LocalDate on, String caseId, String officerId, String agencyId, String channel, Object command) {
        add(on, caseId, officerId, agencyId, channel, command, null);
    }

    /** A command sent after every case's commands, in plan order with the others to {@code target} (a case, a fair). */
    void addFollowUp(LocalDate on, String target, String caseId, String officerId, String agencyId, String channel,
                     Object command) {
        add(on, caseId, officerId, agencyId, channel, command, target);
    }

    private void add(LocalDate on, String caseId, String officerId, String agencyId, String channel, Object command,
                     String followUpOf) {
        if (on.isAfter(today)) {
            // A planner's mistake, not the city's: nothing may be planned after the platform's today.
            throw new IllegalStateException("planned after today: " + command.getClass().getSimpleName());
        }
        int sequence = planned.size();
        String correlationId = UUID.nameUUIDFromBytes(
                ("pes-demo-" + seed + "-" + sequence).getBytes(StandardCharsets.UTF_8)).toString();
        planned.add(new PlannedCommand(sequence, on, caseId, officerId, agencyId, channel, correlationId, command,
                followUpOf));
    }

    /** An ID for something the next command creates (contact, application, referral...), unique in the plan. */
    String nextId() {
        return new UUID(seed, planned.size()).toString();
    }

    /** A number of days in {@code [from, to]}. */
    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    boolean percent(int chance) {
        return random.nextInt(100) < chance;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    <T> T weighted(T[] values, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * One registered spell of a person as the service planners see it: who acts on the case, and the
     * days it is active, from the day the registration took effect until {@code endsOn} (exclusive): the
     * first day of work or the day a cancellation takes effect, {@code null} while it is still active.
     * A job found is recorded some days after it started; ENT-2 counts the spell as over from its start.
     *
     * @param countyAgencyId the county agency above the case's agency where the city has one, else the case's
     */
    record Spell(String caseId, String officerId, String agencyId, String countyAgencyId, LocalDate registeredOn,
                 LocalDate endsOn, LocalDate birthDate, boolean male, String surname, Set<PersonCategory> categories) {

        /** The last day something that needs an active registration may happen on. */
        LocalDate lastActiveDay(LocalDate today) {
            return endsOn == null ? today : endsOn.minusDays(1);
        }

        int ageOn(LocalDate day) {
            return java.time.Period.between(birthDate, day).getYears();
        }
    }
}
