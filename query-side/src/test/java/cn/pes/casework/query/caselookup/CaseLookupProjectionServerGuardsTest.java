package cn.pes.casework.query.caselookup;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class CaseLookupProjectionServerGuardsTest extends CaseLookupProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
