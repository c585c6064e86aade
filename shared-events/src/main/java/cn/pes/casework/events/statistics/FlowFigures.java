package cn.pes.casework.events.statistics;

import cn.pes.casework.events.cancellation.CancellationGround;

import java.util.Map;

/**
 * Movements of a month, by their effective dates (the day a registration took effect, the day work
 * started or a cancellation took effect), not the day they were recorded.
 *
 * @param newRegistrations  registrations (spells) that took effect in the month, window and approved online ones
 * @param employed          registrations ended by employment in the month (CAN-1, 就业)
 * @param cancelledByGround registrations cancelled in the month, by CAN-1 ground; grounds without any are absent
 */
public record FlowFigures(int newRegistrations, int employed, Map<CancellationGround, Integer> cancelledByGround) {

    public FlowFigures {
        cancelledByGround = cancelledByGround == null ? Map.of() : Map.copyOf(cancelledByGround);
    }

    public int cancelled() {
        return cancelledByGround.values().stream().mapToInt(Integer::intValue).sum();
    }
}
