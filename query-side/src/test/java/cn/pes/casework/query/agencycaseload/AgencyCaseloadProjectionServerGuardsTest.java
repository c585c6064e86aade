package cn.pes.casework.query.agencycaseload;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class AgencyCaseloadProjectionServerGuardsTest extends AgencyCaseloadProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
