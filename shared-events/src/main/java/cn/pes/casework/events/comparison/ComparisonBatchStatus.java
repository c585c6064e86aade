package cn.pes.casework.events.comparison;

public enum ComparisonBatchStatus {
    /** Imported; rows are being matched. */
    PROCESSING,
    /** Every valid row has been matched. */
    COMPLETED
}
