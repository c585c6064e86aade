package cn.pes.casework.query.subsidytotals;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class SubsidyTotalsProjectionServerGuardsTest extends SubsidyTotalsProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
