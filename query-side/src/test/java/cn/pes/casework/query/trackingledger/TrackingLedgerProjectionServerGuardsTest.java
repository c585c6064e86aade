package cn.pes.casework.query.trackingledger;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class TrackingLedgerProjectionServerGuardsTest extends TrackingLedgerProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
