package cn.pes.casework.query.casesummary;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class CaseSummaryProjectionServerGuardsTest extends CaseSummaryProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
