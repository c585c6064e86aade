package cn.pes.casework.query.fairs;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class RecruitmentFairsProjectionServerGuardsTest extends RecruitmentFairsProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
