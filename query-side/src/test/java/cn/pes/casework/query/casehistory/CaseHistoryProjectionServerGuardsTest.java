package cn.pes.casework.query.casehistory;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class CaseHistoryProjectionServerGuardsTest extends CaseHistoryProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
