package cn.pes.casework.query.comparison;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class ComparisonBatchesProjectionServerGuardsTest extends ComparisonBatchesProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
