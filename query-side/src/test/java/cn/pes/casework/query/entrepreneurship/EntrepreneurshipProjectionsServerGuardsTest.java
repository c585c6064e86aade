package cn.pes.casework.query.entrepreneurship;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class EntrepreneurshipProjectionsServerGuardsTest extends EntrepreneurshipProjectionsTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
