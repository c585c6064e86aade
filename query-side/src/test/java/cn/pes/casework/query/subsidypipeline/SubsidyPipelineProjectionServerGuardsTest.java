package cn.pes.casework.query.subsidypipeline;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class SubsidyPipelineProjectionServerGuardsTest extends SubsidyPipelineProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
