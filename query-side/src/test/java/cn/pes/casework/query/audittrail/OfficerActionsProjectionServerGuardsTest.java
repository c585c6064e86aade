package cn.pes.casework.query.audittrail;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class OfficerActionsProjectionServerGuardsTest extends OfficerActionsProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
